import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './i18n/paraglide-options.js';

export default defineConfig({
  plugins: [paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] }), sveltekit()],
  server: { port: 5173 },
  ssr: { external: ['better-sqlite3', '@node-rs/argon2'] }
});
