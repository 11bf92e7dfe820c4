// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// In development the Vite server proxies the API (and the live WebSocket) to a running
// `intervisie serve`; in production the C++ server serves web/dist itself.
const api = process.env.INTERVISIE_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The server's CSP allows no inline scripts or styles, so nothing may be inlined.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // scripts/size-report.mjs reads it to tell the participant page from lazily loaded parts.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, ws: true, changeOrigin: false },
    },
  },
});
