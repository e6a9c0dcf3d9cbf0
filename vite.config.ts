import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The front end lives in src/web and builds into dist/web, where `starl serve` finds it.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The analyzer's language model is one large module; splitting it would not load any sooner.
    chunkSizeWarningLimit: 6000,
    // Inline nothing as data: URLs, so the page's policy can stay at 'self'.
    assetsInlineLimit: 0,
  },
});
