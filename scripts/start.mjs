// `npm start`: build once if the build is missing or older than the sources, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = ['dist/server/main.mjs', 'dist/public/index.html'];
const stale =
  built.some((f) => !existsSync(f)) ||
  Math.max(newest('src'), newest('sw'), newest('public'), statSync('index.html').mtimeMs) >
    Math.min(...built.map((f) => statSync(f).mtimeMs));

if (stale) {
  console.log('Membangun aplikasi… / Building the app…');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(new URL('../dist/server/main.mjs', import.meta.url).href);
