// Serves the built browser app from disk. Unknown app paths get the app shell (index.html) so
// client routes like /admin/events/X work on reload, except the few with a lean page of their own
// (src/shared/app-pages.ts: the ticket's /t); files are read per request so a new build is picked
// up without a restart.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { ownPageOf } from '../../shared/app-pages.js';
import type { AppEnv } from '../context.js';
import { contentSecurityPolicy, inlineBlocks } from './csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Never served, whatever the build left in the folder: source maps (the full sources) and any
 * dotfile or dot-folder (Vite's /.vite/manifest.json, an editor's .env or .git).
 */
function hidden(rel: string): boolean {
  return rel.split('/').some((part) => part.startsWith('.')) || /\.map$/i.test(rel);
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

/** A page's own Content-Security-Policy: its inline blocks, allowed by their hashes. */
function htmlPolicy(c: Context<AppEnv>, html: Buffer): void {
  c.header('Content-Security-Policy', contentSecurityPolicy(inlineBlocks(html.toString('utf8'))));
}

/** Mounts the static app and the shell fallback on every non-API GET. */
export function serveApp(app: Hono<AppEnv>, root: string): void {
  const base = normalize(root + sep);
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return compress()(c, next);
  });
  app.on(['GET', 'HEAD'], '*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      rel = '/';
    }
    if (hidden(rel)) return c.text('Tidak ditemukan / Not found', 404);
    const file = normalize(join(base, rel));
    const inside = file.startsWith(base);
    const body = inside && rel !== '/' ? await readIfFile(file) : null;
    if (body) {
      const ext = extname(file);
      c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      // Hashed build assets never change; everything else is revalidated.
      c.header(
        'Cache-Control',
        rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      if (rel === '/sw.js') c.header('Service-Worker-Allowed', '/');
      if (ext === '.html') htmlPolicy(c, body);
      return c.body(new Uint8Array(body));
    }
    if (extname(rel) && extname(rel) !== '.html') {
      return c.text('Tidak ditemukan / Not found', 404);
    }
    const own = ownPageOf(rel);
    const shell =
      (own ? await readIfFile(join(base, own.slice(1))) : null) ??
      (await readIfFile(join(base, 'index.html')));
    if (!shell) return c.text('Aplikasi belum dibangun / App not built: run npm run build', 503);
    c.header('Content-Type', TYPES['.html']!);
    c.header('Cache-Control', 'no-cache');
    htmlPolicy(c, shell);
    return c.body(new Uint8Array(shell));
  });
}
