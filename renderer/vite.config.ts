import { defineConfig } from 'vite';

/**
 * The renderer's build: one page (index.html) for Electron and the web edition, built from the
 * repository root (`vite build --config renderer/vite.config.ts`) into renderer/dist. JSX through
 * esbuild's automatic runtime; relative asset paths so that Electron can load the page from file://;
 * a single script so that the service worker can cache the whole shell by reading index.html.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
  logLevel: 'warn',
});
