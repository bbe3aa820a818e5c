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
    /**
     * The pages' Content-Security-Policy, sent as a header on every page.
     * 'auto': SvelteKit puts a fresh nonce on its own inline start-up script
     * per answer (pages are rendered per request and never cached, so no
     * hash of each page's data has to be computed); everything else comes
     * from this origin. No inline script, no <style> without SvelteKit's
     * nonce: Svelte compiles component styles into files, charts are SVG
     * drawn with attributes, and the one bar that needed a style attribute
     * (budgets) is an SVG too. The one style attribute left is SvelteKit's
     * own route announcer (.svelte-kit/generated/root.svelte: it hides the
     * page title it reads out after a navigation), allowed by the hash of
     * exactly its text through 'unsafe-hashes'; no other style attribute
     * applies (the browser test fails if SvelteKit ever changes it).
     * connect-src 'self' covers the API, the co-editing live rooms
     * (EventSource) and uploads.
     * No data: or blob: images (none are shown); nothing is framed, nothing
     * frames RegioDesk.
     */
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['none'],
        'script-src': ['self'],
        'style-src': ['self'],
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'frame-src': ['none'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    },
    alias: {
      $api: 'api',
      $db: 'db',
      $i18n: 'i18n'
    }
  }
};
