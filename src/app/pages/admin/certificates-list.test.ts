// The issued certificates list: names read from the tokens, number order with the newest version
// first, only valid ones printed, standings in words, and bounded parallel loading.
import { describe, expect, it } from 'vitest';
import type { CertificateRecord } from '../../../shared/api/certificates';
import type { CertificatePayload } from '../../../shared/certificate/token';
import { signCertificate } from '../../../shared/certificate/token';
import { generateEventKey } from '../../../shared/ticket/crypto';
import {
  certificateCounts,
  certificateRows,
  mapLimited,
  printableRows,
  recordStatusWords,
} from './certificates-list';

const key = await generateEventKey();

async function record(
  n: number,
  version: number,
  status: CertificateRecord['status'],
  name: string,
): Promise<CertificateRecord> {
  const number = `${String(n).padStart(3, '0')}/PLT-UMKM/2026`;
  const payload: CertificatePayload = {
    kid: key.kid,
    id: `C${n}v${version}`,
    number,
    participantId: `P${n}`,
    name,
    business: 'Usaha',
    programme: 'Pelatihan',
    wave: 'Gelombang 1',
    venue: 'Aula',
    from: '2026-12-08',
    to: '2026-12-08',
    issuedAt: '2026-12-10T03:00:00.000Z',
    version,
  };
  const token = await signCertificate(payload, key);
  return {
    id: payload.id,
    eventId: 'E',
    participantId: payload.participantId,
    waveId: 'W',
    number,
    version,
    issuedAt: payload.issuedAt,
    issuedBy: 'panitia',
    status,
    revokedAt: null,
    revokedBy: null,
    revokeReason: status === 'revoked' ? 'Nama salah' : null,
    token,
    certificateLink: `/c#${token}`,
    verifyLink: `/v#${token}`,
  };
}

describe('issued certificates list', () => {
  it('orders by number (10 after 9), newest version first, and prints only valid ones', async () => {
    const rows = certificateRows([
      await record(10, 1, 'valid', 'Sepuluh'),
      await record(2, 1, 'superseded', 'Dua lama'),
      await record(9, 1, 'revoked', 'Sembilan'),
      await record(2, 2, 'valid', 'Dua baru'),
    ]);
    expect(rows.map((r) => r.payload?.name)).toEqual([
      'Dua baru',
      'Dua lama',
      'Sembilan',
      'Sepuluh',
    ]);
    expect(printableRows(rows).map((r) => r.payload?.name)).toEqual(['Dua baru', 'Sepuluh']);
    expect(certificateCounts(rows)).toEqual({ valid: 2, ended: 2 });
  });

  it('words each standing, with the reason of a revocation', async () => {
    expect(recordStatusWords(await record(1, 1, 'valid', 'A')).id).toBe('Berlaku');
    expect(recordStatusWords(await record(1, 1, 'revoked', 'A'))).toEqual({
      id: 'Dicabut: Nama salah',
      en: 'Revoked: Nama salah',
    });
    expect(recordStatusWords(await record(1, 1, 'superseded', 'A')).en).toMatch(/newer/);
  });

  it('keeps at most `limit` jobs running and the results in order', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 2;
    });
    expect(out).toEqual([10, 2, 8, 4, 6, 0]);
    expect(most).toBe(2);
  });
});
