import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TicketPayload } from './codec.js';
import {
  TICKET_PAYLOAD_BYTES,
  TICKET_SIGNATURE_BYTES,
  decodeTicketPayload,
  encodeTicketPayload,
  formatTicket,
  parseTicket,
  ticketLinkPath,
} from './codec.js';
import { encodeBase32 } from '../base32.js';
import { payloadArb } from './test-arbitraries.js';

const sample: TicketPayload = {
  kid: 'KIDKID22',
  participantId: 'PARTICIPANT23456',
  waveId: 'WAVE7777',
  version: 0x0102,
};
const fakeSignature = Uint8Array.from({ length: 64 }, (_, i) => i * 3);
const sampleToken = formatTicket(encodeTicketPayload(sample), fakeSignature);

function expectNotATicket(text: string): void {
  const result = parseTicket(text);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.problem.code).toBe('not-a-ticket');
    expect(result.problem.message).toEqual({ id: 'Bukan tiket Hadir', en: 'Not a Hadir ticket' });
  }
}

describe('ticket payload bytes', () => {
  it('lays out format, kid, participant, wave and a big-endian version in 23 bytes', () => {
    const bytes = encodeTicketPayload(sample);
    expect(bytes).toHaveLength(23);
    expect(TICKET_PAYLOAD_BYTES).toBe(23);
    expect(bytes[0]).toBe(1);
    expect(encodeBase32(bytes.subarray(1, 6))).toBe(sample.kid);
    expect(encodeBase32(bytes.subarray(6, 16))).toBe(sample.participantId);
    expect(encodeBase32(bytes.subarray(16, 21))).toBe(sample.waveId);
    expect([bytes[21], bytes[22]]).toEqual([0x01, 0x02]);
  });

  it('round-trips any payload', () => {
    fc.assert(
      fc.property(payloadArb(), (p) => {
        expect(decodeTicketPayload(encodeTicketPayload(p))).toEqual(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses ids of the wrong width and versions outside 0..65535', () => {
    const bad: Partial<TicketPayload>[] = [
      { kid: 'KIDKID2' },
      { kid: 'KIDKID222' },
      { kid: 'kidkid22' },
      { kid: '' },
      { participantId: 'PARTICIPANT2345' },
      { participantId: 'PARTICIPANT234567' },
      { participantId: 'PARTICIPANT1' },
      { waveId: 'WAVE777' },
      { waveId: 'WAVE77777777' },
      { version: -1 },
      { version: 65536 },
      { version: 1.5 },
      { version: Number.NaN },
    ];
    for (const change of bad) {
      expect(() => encodeTicketPayload({ ...sample, ...change }), JSON.stringify(change)).toThrow(
        RangeError,
      );
    }
    expect(encodeTicketPayload({ ...sample, version: 65535 }).subarray(21)).toEqual(
      Uint8Array.of(0xff, 0xff),
    );
  });
});

describe('parseTicket', () => {
  it('reads a token back', () => {
    expect(sampleToken).toMatch(/^H1\.[A-Z2-7]{37}\.[A-Z2-7]{103}$/);
    const result = parseTicket(sampleToken);
    expect(result).toEqual({
      ok: true,
      payload: sample,
      payloadBytes: encodeTicketPayload(sample),
      signature: fakeSignature,
    });
  });

  it('accepts surrounding whitespace, lower case and the ticket link', () => {
    const link = `https://example.org${ticketLinkPath(sampleToken)}`;
    expect(link).toBe(`https://example.org/t#${sampleToken}`);
    for (const text of [
      `  ${sampleToken}\r\n`,
      sampleToken.toLowerCase(),
      link,
      link.toLowerCase(),
      link.toUpperCase(),
      `\t${link}\n`,
      `https://hadir.example.org/some/base/t#${sampleToken}`,
    ]) {
      const result = parseTicket(text);
      expect(result.ok, text).toBe(true);
      if (result.ok) expect(result.payload).toEqual(sample);
    }
  });

  it('rejects anything not structurally a Hadir ticket', () => {
    const [, payloadPart = '', signaturePart = ''] = sampleToken.split('.');
    const format2 = encodeTicketPayload(sample);
    format2[0] = 2;
    for (const text of [
      '',
      '   ',
      'H1',
      'H1..',
      'H1.AAAA.BBBB',
      `H2.${payloadPart}.${signaturePart}`,
      `H1.${payloadPart}`,
      `H1.${payloadPart}.${signaturePart}.`,
      `H1.${payloadPart}.${signaturePart}.AA`,
      `.${payloadPart}.${signaturePart}`,
      `H1.${payloadPart}A.${signaturePart}`,
      `H1.${payloadPart}.${signaturePart}AA`,
      `H1.${payloadPart.slice(0, -1)}.${signaturePart}`,
      `H1.${encodeBase32(format2)}.${signaturePart}`,
      `H1.${payloadPart}=.${signaturePart}`,
      `H1 ${payloadPart}.${signaturePart}`,
      sampleToken.replace('I', 'ı'), // dotless i must not fold to I
      `https://example.org/t?${sampleToken}`,
      `https://example.org/t#${sampleToken}x`,
      `${sampleToken}${sampleToken}`,
    ]) {
      expectNotATicket(text);
    }
  });

  it('never throws on random text, and returns not-a-ticket', () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567.H1 /t#0189aZ');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: alphabet, maxLength: 200 }),
          fc.string({ unit: alphabet, maxLength: 150 }).map((s) => `H1.${s}`),
        ),
        (text) => {
          expectNotATicket(text);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('survives huge and non-string input', () => {
    expectNotATicket(`H1.${'A'.repeat(5_000_000)}.${'B'.repeat(103)}`);
    expectNotATicket(' '.repeat(1_000_000) + sampleToken);
    for (const odd of [undefined, null, 42, {}, [], Symbol('x')]) {
      expectNotATicket(odd as unknown as string);
    }
  });
});

describe('formatTicket', () => {
  it('refuses parts of the wrong length', () => {
    const payloadBytes = encodeTicketPayload(sample);
    expect(TICKET_SIGNATURE_BYTES).toBe(64);
    expect(() => formatTicket(payloadBytes.subarray(1), fakeSignature)).toThrow(RangeError);
    expect(() => formatTicket(payloadBytes, fakeSignature.subarray(1))).toThrow(RangeError);
  });
});
