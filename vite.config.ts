import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The renderer is served from app:// in Electron and from the headless bridge in a browser:
// relative asset paths work under both.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  // The Svelte config sits at the repository root (svelte-check and the lint read it there too).
  plugins: [svelte({ configFile: '../svelte.config.js' })],
  build: { outDir: '../dist-renderer', emptyOutDir: true, target: 'es2022' },
});
