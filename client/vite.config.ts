import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';
import { serviceWorker } from './serviceWorkerPlugin.ts';

// In development Vite serves the client and forwards the API and sync to the server (`pnpm dev`).
const server = process.env.SAMSKAPA_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precompress(), serviceWorker({ lazy: ['CanvasView'] })],
  build: {
    outDir: 'dist',
    // No data: URLs: every asset is a file on our own origin (a strict CSP allows only 'self').
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  // `imports.vite` imports its fonts and translations with `?url`; pre-bundling would break that.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
});
