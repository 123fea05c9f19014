// The web app's rune managers (`web/src/**/*.svelte.spec.ts`) in node, each spec against a real
// server it starts (helpers/server.ts) and a page emulated only where node lacks the browser
// (helpers/web-page.ts). The runes are compiled for the browser and `svelte` is its browser runtime,
// as on the page; the resolve condition that would do so for every package is left out, because
// the server runs in the same process and its packages (ws, socket.io) must load their node builds.
import { createRequire } from 'node:module';
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const svelteDir = path.dirname(createRequire(import.meta.url).resolve('svelte/package.json'));

export default defineConfig({
  plugins: [svelte({ configFile: false, dynamicCompileOptions: () => ({ generate: 'client' }) })],
  resolve: { alias: [{ find: /^svelte$/, replacement: path.join(svelteDir, 'src/index-client.js') }] },
  test: {
    dir: '../web/src',
    include: ['**/*.svelte.spec.ts'],
    setupFiles: ['helpers/web-page-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
