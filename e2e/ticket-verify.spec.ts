// The shared ticket check (src/shared/ticket) runs unchanged in Chromium: on the page's main
// thread and inside a worker (no DOM, as in the service worker), with WebCrypto Ed25519 and with
// the @noble/ed25519 fallback. Tokens are signed by Node, so this proves the three agree.
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { newParticipantId, newWaveId } from '../src/shared/base32.js';
import { generateEventKey, signTicket, verifyTicket } from '../src/shared/ticket/crypto.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const PROBE = `
import { verifyTicket, __setForceNobleForTests } from './src/shared/ticket/crypto.ts';
globalThis.hadirVerify = async (cases, keys, noble) => {
  __setForceNobleForTests(noble);
  const out = [];
  for (const c of cases) {
    const r = await verifyTicket(c, keys);
    out.push(r.ok ? 'ok' : r.reason);
  }
  return out;
};
if (typeof document === 'undefined') {
  self.onmessage = async (e) => {
    const { cases, keys, noble } = e.data;
    self.postMessage(await globalThis.hadirVerify(cases, keys, noble));
  };
}
`;

test('ticket verification gives the same verdicts in the page, in a worker and in Node', async ({
  page,
}) => {
  const bundle = await build({
    stdin: { contents: PROBE, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const code = bundle.outputFiles[0]!.text;
  await page.route('**/__probe/verify.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: code }),
  );

  const key = await generateEventKey();
  const other = await generateEventKey();
  const payload = {
    kid: key.kid,
    participantId: newParticipantId(),
    waveId: newWaveId(),
    version: 3,
  };
  const good = await signTicket(payload, key);
  const at = good.length - 10; // inside the signature, away from its padding bits
  const flipped = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
  const foreign = await signTicket({ ...payload, kid: other.kid }, other);
  const second = await signTicket({ ...payload, version: 4 }, key);
  const swapped = `${good.split('.').slice(0, 2).join('.')}.${second.split('.')[2]}`;
  const cases = [good, flipped, foreign, 'HELLO WORLD', swapped];
  const expected = ['ok', 'bad-signature', 'unknown-key', 'not-a-ticket', 'bad-signature'];
  const keys = [{ kid: key.kid, publicKey: key.publicKey }];
  const inNode = [];
  for (const c of cases) {
    const r = await verifyTicket(c, keys);
    inNode.push(r.ok ? 'ok' : r.reason);
  }
  expect(inNode, 'node').toEqual(expected);

  await page.goto(`${server.origin}/`);
  await page.addScriptTag({ url: '/__probe/verify.js' });
  for (const noble of [false, true]) {
    const inPage = await page.evaluate(
      ([c, k, n]) =>
        (
          globalThis as unknown as { hadirVerify: (...a: unknown[]) => Promise<string[]> }
        ).hadirVerify(c, k, n),
      [cases, keys, noble] as const,
    );
    expect(inPage, `page, noble=${noble}`).toEqual(expected);
    const inWorker = await page.evaluate(
      ([c, k, n]) =>
        new Promise<string[]>((resolve, reject) => {
          const w = new Worker('/__probe/verify.js');
          w.onmessage = (e) => resolve(e.data as string[]);
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage({ cases: c, keys: k, noble: n });
        }),
      [cases, keys, noble] as const,
    );
    expect(inWorker, `worker, noble=${noble}`).toEqual(expected);
  }
});
