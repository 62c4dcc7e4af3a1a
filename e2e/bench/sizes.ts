// Gzip size of the JavaScript each route loads, from the build's chunk graph (Vite manifest):
// the entry and its static imports, plus the route's lazily loaded page and its static imports.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const ROOT = 'dist/public';

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length / 1024;
}

/** Files reached from `key` through static imports. */
function closure(
  manifest: Record<string, Chunk>,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/** Prints gzip KB per route and the precache total; returns false when there is no build. */
export function reportSizes(): boolean {
  const manifestPath = join(ROOT, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
  const entry = 'index.html';
  const routes: Record<string, string> = {
    '/t (ticket page; target ≤ 30)': 'src/app/pages/ticket/TicketPage.tsx',
    '/c (certificate page)': 'src/app/pages/certificate/CertificatePage.tsx',
    '/v (certificate verification)': 'src/app/pages/certificate/VerifyPage.tsx',
    '/scan (door; camera + decoder lazy; target ≤ 60)': 'src/app/pages/door/DoorPage.tsx',
    '/admin (organizer)': 'src/app/pages/admin/AdminRoot.tsx',
    '/ (home)': 'src/app/pages/Home.tsx',
  };
  console.log('Hadir bench — JavaScript per route (gzip, level 9)');
  for (const [route, page] of Object.entries(routes)) {
    // The ticket and the door have entries of their own (ticket.html for /t, door.html for
    // /scan): a small entry and the code it loads at once (vite.config.ts, LOADED_AT_ONCE).
    const own = page.endsWith('/TicketPage.tsx')
      ? { html: 'ticket.html', app: 'src/app/ticket-app.tsx' }
      : page.endsWith('/DoorPage.tsx')
        ? { html: 'door.html', app: 'src/app/door-app.tsx' }
        : null;
    if (own && manifest[own.html] && manifest[own.app]) {
      const keys = new Set([...closure(manifest, own.html), ...closure(manifest, own.app)]);
      const kb = [...keys].reduce((sum, k) => sum + gzipKb(manifest[k]!.file), 0);
      console.log(`${route.padEnd(46)} ${kb.toFixed(1).padStart(9)} KB`);
      continue;
    }
    if (!manifest[page]) continue;
    // The shell also loads workbox-window lazily on every route; pages are per route.
    // (A page grouped into a shared chunk, like `_ticket-page`, is listed by its chunk's key.)
    const shellLazy = (manifest[entry]!.dynamicImports ?? []).filter(
      (k) => !k.startsWith('src/app/pages/') && !k.startsWith('_'),
    );
    const keys = new Set([
      ...closure(manifest, entry),
      ...shellLazy.flatMap((k) => [...closure(manifest, k)]),
      ...closure(manifest, page),
    ]);
    const kb = [...keys].reduce((sum, k) => sum + gzipKb(manifest[k]!.file), 0);
    console.log(`${route.padEnd(46)} ${kb.toFixed(1).padStart(9)} KB`);
  }
  const sw = readFileSync(join(ROOT, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  const total = urls.reduce((sum, u) => {
    const f = join(ROOT, u.replace(/^\//, ''));
    return existsSync(f) ? sum + statSync(f).size : sum;
  }, 0);
  console.log(
    `${'precache (raw bytes, ' + urls.length + ' files)'.padEnd(46)} ${(total / 1024).toFixed(1).padStart(9)} KB`,
  );
  return true;
}
