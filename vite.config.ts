/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { HtmlTagDescriptor, Rollup } from 'vite';
import { fileURLToPath } from 'node:url';
import { ticketBootScript } from './src/shared/ticket-boot.js';

// Few files for the ticket page: each is one more trip through the service worker before a
// budget phone can paint the QR (e2e/bench/first-second.ts). `shell`: what every page's first
// render uses (Preact, the router, words, the update banner, the ticket codec); `ticket-page`:
// the ticket page itself, also lazily loaded by the main shell's /t route (`qr`, the QR encoder,
// is a chunk of its own: certificates and the organizer's pages draw QRs). Styles stay with the
// module that imports them. `boot` (below) is what the small entries run first.
const SHELL =
  /[\\/](node_modules[\\/]preact[\\/]|src[\\/]app[\\/](lib[\\/]when-idle|router|i18n[\\/]i18n|update[\\/](update-state|UpdateBanner|OwnPageShell)|components[\\/]LangToggle|pages[\\/]ticket[\\/]format-time)\.|src[\\/]shared[\\/](base32|messages|ticket[\\/](codec|problems)|roster[\\/]phone)\.)/;
// What the own pages' small entries (ticket-main.tsx, door-main.tsx) need before they load the
// rest: the start-up marks and Vite's preload helper. Kept out of `shell` so that evaluating an
// entry does not evaluate Preact first.
const BOOT = /[\\/]src[\\/]app[\\/]lib[\\/]marks\.|^\0vite\/preload-helper/;
const TICKET_PAGE = /[\\/]src[\\/]app[\\/](pages[\\/]ticket|ticket-store)[\\/]/;
const QR =
  /[\\/](src[\\/]app[\\/]pages[\\/]ticket[\\/]qr-svg\.|node_modules[\\/](qrcode|dijkstrajs)[\\/])/;
// What the entry starts at the door before the door's code has run (scanner/door-early.ts): shared
// by the app shell and the door's own page.
const DOOR_EARLY =
  /[\\/]src[\\/]app[\\/](db[\\/]warm|scanner[\\/](camera-open|camera-early|decoder-early|door-early))\./;
const inGroup = (id: string, re: RegExp) => re.test(id) && !/\.css(\?|$)/.test(id);

// What an own page's small entry imports dynamically at once (ticket-main.tsx; door-main.tsx
// after starting the camera). Vite lists only an entry's static imports for preloading, so the
// build lists these files in the page too, and they are fetched with it.
const TICKET_APP = fileURLToPath(new URL('./src/app/ticket-app.tsx', import.meta.url));
const TICKET_PAGE_MODULE = fileURLToPath(
  new URL('./src/app/pages/ticket/TicketPage.tsx', import.meta.url),
);
const DOOR_APP = fileURLToPath(new URL('./src/app/door-app.tsx', import.meta.url));

/**
 * The script files (with their static imports) and stylesheets of the chunk for `module`, and of
 * the chunks holding `alsoModules`, which it imports dynamically at once (ticket-app.tsx).
 */
function loadedAtOnce(bundle: Rollup.OutputBundle, module: string, alsoModules: string[] = []) {
  const lazy = Object.values(bundle).find(
    (out): out is Rollup.OutputChunk => out.type === 'chunk' && out.facadeModuleId === module,
  );
  if (!lazy) throw new Error(`no chunk for ${module}`);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    const out = bundle[fileName];
    if (scripts.has(fileName) || out?.type !== 'chunk') return;
    scripts.add(fileName);
    out.imports.forEach(visit);
    out.viteMetadata?.importedCss.forEach((css) => styles.add(css));
  };
  visit(lazy.fileName);
  for (const also of alsoModules) {
    const chunk = Object.values(bundle).find(
      (out) => out.type === 'chunk' && out.moduleIds.includes(also),
    );
    if (!chunk) throw new Error(`no chunk for ${also}`);
    visit(chunk.fileName);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

// One config for the browser build (vite) and the unit tests (vitest).
export default defineConfig({
  plugins: [
    preact(),
    // The door's code, loaded by its entry at once, listed in door.html for preloading.
    {
      name: 'hadir-door-preload',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
          if (!ctx.filename.endsWith('door.html') || !ctx.bundle) return html;
          const { scripts, styles } = loadedAtOnce(ctx.bundle, DOOR_APP);
          const listed = (fileName: string) => html.includes(`"/${fileName}"`);
          const link = (rel: string, fileName: string): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel, crossorigin: true, href: `/${fileName}` },
            injectTo: 'head',
          });
          return {
            html,
            tags: [
              ...scripts.filter((f) => !listed(f)).map((f) => link('modulepreload', f)),
              ...styles.filter((f) => !listed(f)).map((f) => link('stylesheet', f)),
            ],
          };
        },
      },
    },
    // The ticket's page (src/shared/ticket-boot.ts): its stylesheet inlined (4 KB), so the kept
    // first frame waits for no file, and its module script and preload links replaced by the
    // inline script that paints that frame and then asks for the code (the entry's files and
    // ticket-app's). The server's Content-Security-Policy allows both blocks by their hashes
    // (src/server/http/csp.ts).
    {
      name: 'hadir-ticket-page',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
          if (!ctx.filename.endsWith('ticket.html') || !ctx.bundle) return html;
          const bundle = ctx.bundle;
          const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
          const preload = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;
          const stylesheet = /<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g;
          const app = '<div id="app"></div>';
          const src = entry.exec(html)?.[1];
          if (!src || !html.includes(app)) throw new Error('ticket.html: no entry or no #app');
          const files = new Set([...html.matchAll(preload)].map((m) => m[1]!));
          for (const f of loadedAtOnce(bundle, TICKET_APP, [TICKET_PAGE_MODULE]).scripts)
            files.add(`/${f}`);
          const script = ticketBootScript({ entry: src, preload: [...files] });
          return html
            .replace(entry, '')
            .replace(preload, '')
            .replace(stylesheet, (link, fileName: string) => {
              const css = bundle[fileName];
              return css?.type === 'asset' ? `<style>${String(css.source).trim()}</style>` : link;
            })
            .replace(app, `${app}\n    <script>${script}</script>`);
        },
      },
    },
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
    // Every browser that runs es2022 knows <link rel=modulepreload>; the polyfill would be one more
    // file before first paint.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The QR decoder (src/app/scanner/decoder.ts) is an entry of its own, not only a lazy
      // import of the door page: so its worker and its .wasm are always emitted and precached, and
      // its exports stay importable, which lets e2e/decoder-quality.spec.ts test the shipped chunk.
      // ticket.html is the participant's ticket page on its own (src/shared/app-pages.ts);
      // door.html is the door on its own, likewise.
      input: {
        index: 'index.html',
        ticket: 'ticket.html',
        door: 'door.html',
        decoder: 'src/app/scanner/decoder.ts',
      },
      // Vite's default (false) would tree-shake an entry's exports away; index.html has none.
      preserveEntrySignatures: 'exports-only',
      // Few files for the ticket page (SHELL and TICKET_PAGE above).
      output: {
        codeSplitting: {
          groups: [
            { name: 'boot', priority: 4, test: (id) => inGroup(id, BOOT) },
            { name: 'shell', priority: 3, test: (id) => inGroup(id, SHELL) },
            { name: 'door-early', priority: 2, test: (id) => inGroup(id, DOOR_EARLY) },
            { name: 'qr', priority: 2, test: (id) => inGroup(id, QR) },
            { name: 'ticket-page', priority: 1, test: (id) => inGroup(id, TICKET_PAGE) },
          ],
        },
      },
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
