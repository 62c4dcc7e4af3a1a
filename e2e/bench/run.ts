// `npm run bench`: small, honest measurements of the hot pure paths. Figures are per operation,
// with ratios against a baseline measured in the same process (the machines are shared and noisy).
import { performance } from 'node:perf_hooks';
import { benchDecoder } from './decoder.js';
import { benchDoor } from './door.js';
import { benchDoorHotPath } from './door-hot-path.js';
import { benchFirstSecond } from './first-second.js';
import { runFleet, printFleet } from './fleet.js';
import { postgresReachable } from '../../src/server/testing/stores.js';
import { benchLighthouse } from './lighthouse.js';
import { benchReports, printReports } from './reports.js';
import { benchSyncPush, printSyncPush } from './sync-push.js';
import { reportSizes } from './sizes.js';
import { readRosterCsv } from '../../src/shared/roster/read.js';
import { newParticipantId, newWaveId } from '../../src/shared/base32.js';
import { parseTicket } from '../../src/shared/ticket/codec.js';
import {
  __setForceNobleForTests,
  generateEventKey,
  signTicket,
  verifyTicket,
} from '../../src/shared/ticket/crypto.js';

async function time(label: string, n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const perOp = (performance.now() - t0) / n;
  console.log(`${label.padEnd(46)} ${(perOp * 1000).toFixed(1).padStart(9)} µs/op  (n=${n})`);
  return perOp;
}

const key = await generateEventKey();
const waveId = newWaveId();
const tokens = await Promise.all(
  Array.from({ length: 500 }, (_, i) =>
    signTicket(
      { kid: key.kid, participantId: newParticipantId(), waveId, version: 1 + (i % 3) },
      key,
    ),
  ),
);
const keys = [{ kid: key.kid, publicKey: key.publicKey }];

console.log('Hadir bench — tickets');
const parse = await time('parse ticket (no crypto)', 20_000, (i) => parseTicket(tokens[i % 500]!));
const web = await time('verify ticket, WebCrypto Ed25519', 5_000, (i) =>
  verifyTicket(tokens[i % 500]!, keys),
);
__setForceNobleForTests(true);
const noble = await time('verify ticket, @noble/ed25519 fallback', 1_000, (i) =>
  verifyTicket(tokens[i % 500]!, keys),
);
__setForceNobleForTests(false);
await time('sign ticket (server)', 2_000, (i) =>
  signTicket({ kid: key.kid, participantId: newParticipantId(), waveId, version: i % 100 }, key),
);
console.log(
  `  verify/parse ratio ${(web / parse).toFixed(1)}×; fallback/WebCrypto ratio ${(noble / web).toFixed(1)}×`,
);

console.log('Hadir bench — roster import (pure part)');
const lines = ['nama;nama usaha;whatsapp;nik;gelombang'];
for (let i = 0; i < 10_000; i++) {
  lines.push(
    `Peserta ${i};Usaha ${i};0812${String(10_000_000 + i)};3674${String(100_000_000_000 + i)};1`,
  );
}
const csv = lines.join('\r\n');
const waves = [{ id: waveId, name: 'Gelombang 1' }];
const perFile = await time('read + validate 10,000-row CSV', 10, () =>
  readRosterCsv(csv, { waves }),
);
const split = await time('baseline: split the same CSV into cells', 10, () =>
  csv.split('\r\n').map((l) => l.split(';')),
);
console.log(
  `  ${(10_000 / perFile).toFixed(0)}k rows/s; ${(perFile / split).toFixed(1)}× a bare split`,
);

printSyncPush(await benchSyncPush());
printReports(await benchReports());

// The fleet, small: 200 tablets over 5 events on two server processes (fleet.ts has the full run).
if (await postgresReachable()) printFleet(await runFleet());
else console.log('Hadir bench — fleet: PostgreSQL not reachable (set TEST_DATABASE_URL); skipped');

// Size figures and the in-browser decoder, door and Lighthouse benches need the build.
if (reportSizes()) {
  await benchDecoder();
  await benchDoor();
  await benchDoorHotPath();
  await benchFirstSecond();
  await benchLighthouse();
} else {
  console.log(
    '(no build in dist/public: run `npm run build` for the size, decoder and door figures)',
  );
}
