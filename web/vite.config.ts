// SPDX-License-Identifier: EUPL-1.2
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

// In development the Vite server proxies the API (and the live WebSocket) to a running
// `intervisie serve`; in production the C++ server serves web/dist itself.
const api = process.env.INTERVISIE_API ?? 'http://localhost:8080';

// The refusal catalogues (src/core/*/refusals.json) are shared with the C++ core; the bundle
// needs only each entry's code and its two sentences, not the notes for maintainers.
const refusalCatalogues: Plugin = {
  name: 'intervisie-refusal-catalogues',
  enforce: 'pre', // before Vite turns JSON into a module
  transform(source, id) {
    if (!/[\\/]src[\\/]core[\\/][a-z]+[\\/]refusals\.json$/.test(id)) return null;
    const { refusals } = JSON.parse(source) as { refusals: { code: string; nl: string; en: string }[] };
    const kept = refusals.map(({ code, nl, en }) => ({ code, nl, en }));
    return { code: JSON.stringify({ refusals: kept }), map: null };
  },
};

export default defineConfig({
  plugins: [refusalCatalogues, preact()],
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
