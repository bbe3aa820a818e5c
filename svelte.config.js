import adapter from '@sveltejs/adapter-node';

/** The SvelteKit app lives in web/ (see README: one folder per layer). */
/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: 'build' }),
    files: {
      routes: 'web/routes',
      lib: 'web/lib',
      appTemplate: 'web/app.html',
      errorTemplate: 'web/error.html',
      hooks: { server: 'web/hooks.server', client: 'web/hooks.client', universal: 'web/hooks' },
      params: 'web/params',
      assets: 'static'
    },
    alias: {
      $api: 'api',
      $db: 'db'
    }
  }
};
