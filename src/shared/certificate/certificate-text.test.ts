// Filling a certificate: every placeholder from the signed payload, paragraphs kept, unknown
// placeholders left visible, dates the Indonesian way in WIB.
import { describe, expect, it } from 'vitest';
import {
  certificateDate,
  certificateParagraphs,
  certificateDateRange,
  certificatePlaceAndDate,
  fillCertificateBody,
} from './certificate-text.js';
import type { CertificatePayload } from './token.js';

const payload: CertificatePayload = {
  kid: 'K1',
  id: 'CERT000000000001',
  number: '001/PLT-UMKM/DISKOP/2026',
  participantId: 'PPPPPPPPPPPPPPPP',
  name: 'Siti Aminah',
  business: 'Keripik Tempe Bu Siti',
  programme: 'Pelatihan UMKM Tangsel 2026',
  wave: 'Gelombang 1',
  venue: 'Aula Blandongan',
  from: '2026-12-08',
  to: '2026-12-09',
  issuedAt: '2026-12-10T20:00:00.000Z',
  version: 1,
};

describe('fillCertificateBody', () => {
  it('fills every placeholder and keeps paragraphs apart', () => {
    const body =
      'Diberikan kepada {nama} ({usaha})\natas partisipasi dalam {program} {gelombang}\n\n' +
      'di {tempat}, {tanggal}. Nomor {nomor}.';
    expect(fillCertificateBody(body, payload)).toEqual([
      'Diberikan kepada Siti Aminah (Keripik Tempe Bu Siti) atas partisipasi dalam Pelatihan UMKM Tangsel 2026 Gelombang 1',
      'di Aula Blandongan, 8–9 Desember 2026. Nomor 001/PLT-UMKM/DISKOP/2026.',
    ]);
  });

  it('leaves an unknown placeholder as written and drops empty paragraphs', () => {
    expect(fillCertificateBody('\n\nHalo {nama}, {jabatan}\n\n\n\n', payload)).toEqual([
      'Halo Siti Aminah, {jabatan}',
    ]);
  });

  it('marks the filled runs by placeholder', () => {
    expect(certificateParagraphs('Kepada {nama}:', payload)).toEqual([
      [
        { text: 'Kepada ', field: null },
        { text: 'Siti Aminah', field: 'nama' },
        { text: ':', field: null },
      ],
    ]);
  });

  it('does not re-read placeholders inside a filled value', () => {
    const odd = { ...payload, name: '{usaha}' };
    expect(fillCertificateBody('{nama}', odd)).toEqual(['{usaha}']);
  });
});

describe('certificate dates', () => {
  it('writes a day, a span within a month, across months and across years', () => {
    expect(certificateDate('2026-12-08')).toBe('8 Desember 2026');
    expect(certificateDate('2026-12-08', 'en')).toBe('8 December 2026');
    expect(certificateDateRange('2026-12-08', '2026-12-08')).toBe('8 Desember 2026');
    expect(certificateDateRange('2026-12-08', '2026-12-09')).toBe('8–9 Desember 2026');
    expect(certificateDateRange('2026-11-30', '2026-12-02')).toBe('30 November – 2 Desember 2026');
    expect(certificateDateRange('2026-12-31', '2027-01-02')).toBe(
      '31 Desember 2026 – 2 Januari 2027',
    );
  });

  it('reads instants in WIB, and shows an unreadable date as written', () => {
    // 20:00 UTC is 03:00 the next day in Jakarta.
    expect(certificateDate('2026-12-10T20:00:00.000Z')).toBe('11 Desember 2026');
    expect(certificateDate('kemarin')).toBe('kemarin');
  });

  it('puts the place before the template date, else the issue day', () => {
    expect(certificatePlaceAndDate({ place: 'Tangerang Selatan', date: null }, payload)).toBe(
      'Tangerang Selatan, 11 Desember 2026',
    );
    expect(certificatePlaceAndDate({ place: ' ', date: '2026-12-12' }, payload)).toBe(
      '12 Desember 2026',
    );
  });
});
