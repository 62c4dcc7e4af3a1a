import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTicketPayload, formatTicket, ticketLinkPath } from './codec.js';
import { generateEventKey, signTicket } from './crypto.js';
import { payloadArb } from './test-arbitraries.js';

// qrcode is loaded through a computed specifier on purpose: its typings pull in all of @types/node,
// which would then type-check Node APIs in every file of src/shared (which must run in browsers).
interface QrSegment {
  mode: { id: string };
}
interface QrLib {
  create(
    text: string,
    options: { errorCorrectionLevel: 'M' },
  ): {
    version: number;
    segments: QrSegment[];
  };
}
const qrcodeModule = 'qrcode';
const { default: QRCode } = (await import(/* @vite-ignore */ qrcodeModule)) as { default: QrLib };

// Every token has the same length (fixed-width ids, fixed signature). This one has every field at
// its maximum. Its digits let the encoder use compact numeric segments, so the real upper bound is
// the same length in letters only: pure alphanumeric mode, which no token can exceed.
const longest = formatTicket(
  encodeTicketPayload({
    kid: '77777777',
    participantId: '7777777777777777',
    waveId: '77777777',
    version: 65535,
  }),
  new Uint8Array(64).fill(0xff),
);
const worstCase = longest.replace(/[0-9]/g, 'A');
const longestQr = QRCode.create(longest, { errorCorrectionLevel: 'M' });
const worstQr = QRCode.create(worstCase, { errorCorrectionLevel: 'M' });
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

describe('QR budget', () => {
  it(`a ticket is ${longest.length} chars: QR version ≤ ${worstQr.version} at level M (budget 10)`, () => {
    expect(longest).toHaveLength(144);
    expect(worstCase).toHaveLength(144);
    expect(worstQr.segments.map((s) => s.mode.id)).toEqual(['Alphanumeric']);
    expect(worstQr.version).toBe(6); // 6-M holds 154 alphanumeric characters
    expect(longestQr.version).toBeLessThanOrEqual(worstQr.version);
  });

  it('uses only QR alphanumeric characters, so no segment falls back to byte mode', () => {
    expect(longest).toMatch(ALPHANUMERIC);
    expect(longestQr.segments.map((s) => s.mode.id)).not.toContain('Byte');
  });

  it('holds for real signed tickets too', async () => {
    const key = await generateEventKey();
    await fc.assert(
      fc.asyncProperty(payloadArb(key.kid), async (payload) => {
        const token = await signTicket(payload, key);
        expect(token).toHaveLength(longest.length);
        expect(token).toMatch(ALPHANUMERIC);
        expect(QRCode.create(token, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(6);
      }),
      { numRuns: 100 },
    );
    const token = await signTicket(
      { kid: key.kid, participantId: 'N'.repeat(16), waveId: 'P'.repeat(8), version: 0 },
      key,
    );
    // The link form is byte mode (lower-case scheme and host); it is bigger but still scannable.
    const link = `https://hadir.example.org${ticketLinkPath(token)}`;
    expect(QRCode.create(link, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(10);
  });
});
