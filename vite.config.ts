/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// One config for the browser build (vite) and the unit tests (vitest).
export default defineConfig({
  plugins: [
    preact(),
    // The service worker is our own code (sw/sw.ts); the plugin builds it and injects the list
    // of files to precache. We register it ourselves in src/app/main.tsx (workbox-window).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // The glob below already finds every icon; the plugin adds the manifest itself.
      includeManifestIcons: false,
      manifest: {
        name: 'Hadir — Cek Kehadiran',
        short_name: 'Hadir',
        description: 'Cek kehadiran peserta di pintu masuk, tetap jalan tanpa internet.',
        lang: 'id',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b5d3b',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-192.png',
            sizes: '192x192',
            type: 'image/png',
            purpose: 'maskable',
          },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        // Long-press on the installed icon: straight to the door or to one's tickets.
        shortcuts: [
          { name: 'Pintu — pindai tiket', short_name: 'Pintu', url: '/scan' },
          { name: 'Tiket saya', short_name: 'Tiket', url: '/t' },
        ],
        screenshots: [
          {
            src: '/screenshots/ticket-390x844.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Tiket peserta dengan kode QR, tetap terbuka tanpa internet',
          },
          {
            src: '/screenshots/admin-1280x800.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Daftar peserta untuk panitia',
          },
        ],
      },
      injectManifest: {
        // Everything the app needs offline, including the decoder's .wasm; never source maps.
        globPatterns: ['**/*.{js,css,html,svg,png,wasm}'],
        // Install-dialog screenshots are only for the browser's install sheet.
        globIgnores: ['screenshots/**'],
        // The QR decoder's WebAssembly is about 1 MB; the default 2 MB cap would drop it silently.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        sourcemap: false,
      },
    }),
  ],
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    // Written for local debugging but never referenced from the shipped files (nor served:
    // src/server/http/static.ts refuses *.map), so production shows no sources.
    sourcemap: 'hidden',
    // The chunk graph, so `npm run bench` can report what each route really loads.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      // The QR decoder (src/app/scanner/decoder.ts) is an entry of its own, not only a lazy
      // import of the door page: so its worker and its .wasm are always emitted and precached, and
      // its exports stay importable, which lets e2e/decoder-quality.spec.ts test the shipped chunk.
      input: { index: 'index.html', decoder: 'src/app/scanner/decoder.ts' },
      // Vite's default (false) would tree-shake an entry's exports away; index.html has none.
      preserveEntrySignatures: 'exports-only',
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? '8787'}` },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'sw/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
