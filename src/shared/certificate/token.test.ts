// Certificate tokens: signed and proven with the event key, refused in words when forged, signed by
// another event, or a ticket; every payload round-trips (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../ticket/base64url.js';
import { generateEventKey, signTicket } from '../ticket/crypto.js';
import { utf8Encode } from '../utf8.js';
import type { CertificatePayload } from './token.js';
import { parseCertificate, signCertificate, verifyCertificate, verifyPath } from './token.js';

const base = (kid: string): CertificatePayload => ({
  kid,
  id: 'CERT000000000001',
  number: '001/PLT-UMKM/DISKOP/2026',
  participantId: 'PPPPPPPPPPPPPPPP',
  name: 'Raden Ajeng Siti Nurhaliza Kusumaningrum Wibowo, S.E., M.M.',
  business: 'Keripik Tempe Bu Siti — Ciputat',
  programme: 'Pelatihan dan Sertifikasi UMKM dan Koperasi Tangsel 2026',
  wave: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  from: '2026-12-08',
  to: '2026-12-09',
  issuedAt: '2026-12-10T03:00:00.000Z',
  version: 1,
});

describe('certificate tokens', async () => {
  const key = await generateEventKey();
  const other = await generateEventKey();

  it('proves a genuine certificate, from the bare token or its /v# link', async () => {
    const token = await signCertificate(base(key.kid), key);
    expect(token.startsWith('HS1.')).toBe(true);
    for (const text of [token, `https://hadir.example.id${verifyPath(token)}`]) {
      const check = await verifyCertificate(text, [other, key]);
      expect(check).toEqual({ ok: true, payload: base(key.kid) });
    }
  });

  it('refuses a forged one, another event’s, and a ticket, each in words', async () => {
    const token = await signCertificate(base(key.kid), key);
    const [prefix, body, sig] = token.split('.');
    const forgedPayload = { ...base(key.kid), name: 'Orang Lain' };
    const forged = `${prefix}.${encodeBase64Url(utf8Encode(JSON.stringify(forgedPayload)))}.${sig}`;
    const f = await verifyCertificate(forged, [key]);
    expect(f).toMatchObject({ ok: false });
    expect(['bad-signature', 'not-a-certificate']).toContain(!f.ok && f.reason);
    const flipped = `${prefix}.${body}.${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(await verifyCertificate(flipped, [key])).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyCertificate(token, [other])).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
    const ticket = await signTicket(
      { kid: key.kid, participantId: 'AAAAAAAAAAAAAAAA', waveId: 'AAAAAAAA', version: 1 },
      key,
    );
    const t = await verifyCertificate(ticket, [key]);
    expect(t).toMatchObject({ ok: false, reason: 'a-ticket' });
    expect(!t.ok && t.message.id).toContain('tiket');
    expect(await verifyCertificate('halo', [key])).toMatchObject({ reason: 'not-a-certificate' });
  });

  it('round-trips any payload, and only its canonical form parses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ maxLength: 120 }),
          business: fc.string({ maxLength: 160 }),
          number: fc.string({ maxLength: 60 }),
          version: fc.integer({ min: 1, max: 1000 }),
        }),
        async (change) => {
          const p = { ...base(key.kid), ...change };
          const token = await signCertificate(p, key);
          expect(parseCertificate(token)?.payload).toEqual(p);
          expect(await verifyCertificate(token, [key])).toEqual({ ok: true, payload: p });
        },
      ),
      { numRuns: 40 },
    );
  });
});
