// The app shell fallback and security headers, through the real app.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { sqliteTestStore } from './testing/stores.js';

const STYLE = 'main{color:#0b5d3b}';
const SCRIPT = "document.title='x'";
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('static app hosting', () => {
  let t: TestStore;
  let a: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hadir-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hadir shell</title>');
    writeFileSync(
      join(dir, 'ticket.html'),
      `<!doctype html><title>Hadir ticket</title><style>${STYLE}</style>` +
        `<script type="module" src="/assets/app-1234.js"></script><div id="app"></div><script>${SCRIPT}</script>`,
    );
    writeFileSync(join(dir, 'door.html'), '<!doctype html><title>Hadir door</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
    t = await sqliteTestStore();
    a = await testApp(t, { publicDir: dir });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers unknown app routes with the app shell, uncached', async () => {
    for (const path of ['/admin/events/XYZ', '/c', '/v', '/scanner', '/anything/else', '/t/x']) {
      const res = await a.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('Hadir shell');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('answers the ticket page with its own lean page, uncached', async () => {
    for (const path of ['/t', '/t/']) {
      const res = await a.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('Hadir ticket');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it("allows exactly the ticket page's inline script and style, by their hashes", async () => {
    for (const path of ['/t', '/ticket.html']) {
      const csp = (await a.app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha256(SCRIPT)};`);
      expect(csp, path).toContain(`style-src 'self' ${sha256(STYLE)};`);
      expect(csp, path).not.toContain('unsafe-inline');
    }
    // Pages without inline blocks, and everything else, allow none.
    for (const path of ['/scan', '/', '/assets/app-1234.js', '/api/health']) {
      const csp = (await a.app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self';");
    }
  });

  it("answers the door and every address under it with the door's own page", async () => {
    for (const path of ['/scan', '/scan/', '/scan/pair', '/scan/anything/else']) {
      const res = await a.app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('Hadir door');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets as immutable and a missing asset as 404, not the shell', async () => {
    const ok = await a.app.request('/assets/app-1234.js');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toContain('immutable');
    expect(ok.headers.get('content-type')).toContain('javascript');
    expect((await a.app.request('/assets/missing.js')).status).toBe(404);
    expect((await a.app.request('/sw.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it('never serves files outside the build folder', async () => {
    const res = await a.app.request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });

  it('keeps unknown API routes as JSON 404', async () => {
    const res = await a.app.request('/api/not-a-route');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await json(res)).error.code).toBe('not-found');
  });
});
