// Bundles the server (src/server/main.ts + src/shared) into dist/server/main.mjs; npm packages
// stay external and are loaded from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('server → dist/server/main.mjs');
