import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 5173 },
  ssr: { external: ['better-sqlite3', '@node-rs/argon2'] }
});
