// Kept keys and certificates survive a reload, damaged entries are dropped, a different token
// under the same id is not shown, and the list stays small.
import { describe, expect, it } from 'vitest';
import type { CertificateTemplate } from '../../shared/api/certificates';
import { keepCertificate, keepKeys, keptCertificate, keptKeys } from './kept-certificates';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const template: CertificateTemplate = {
  title: 'SERTIFIKAT',
  body: 'Diberikan kepada {nama}',
  numberPattern: '{no}/X/{tahun}',
  place: 'Tangerang Selatan',
  date: null,
  signers: [{ name: 'Budi', position: 'Kepala Dinas', signatureUrl: null }],
  logoUrl: null,
};

describe('kept certificate keys', () => {
  it('keeps the keys and drops damaged ones', () => {
    const store = memory();
    expect(keptKeys(store)).toEqual([]);
    const key = { kid: 'K1', publicKey: 'abc', eventName: 'Pelatihan' };
    expect(keepKeys([key], store)).toBe(true);
    expect(keptKeys(store)).toEqual([key]);
    store.setItem('hadir.certificate-keys.v1', JSON.stringify([key, { kid: 3 }]));
    expect(keptKeys(store)).toEqual([key]);
    store.setItem('hadir.certificate-keys.v1', '{not json');
    expect(keptKeys(store)).toEqual([]);
    expect(keepKeys([key], null)).toBe(false);
  });
});

describe('kept certificates', () => {
  it('shows a kept certificate only for the same token', () => {
    const store = memory();
    expect(keepCertificate({ id: 'C1', token: 'HS1.a.b', template }, store)).not.toBeNull();
    expect(keptCertificate('C1', 'HS1.a.b', store)?.template).toEqual(template);
    expect(keptCertificate('C1', 'HS1.other.b', store)).toBeNull();
    expect(keptCertificate('C2', 'HS1.a.b', store)).toBeNull();
  });

  it('drops a damaged entry and keeps the newest twenty', () => {
    const store = memory();
    for (let i = 0; i < 25; i++) keepCertificate({ id: `C${i}`, token: `T${i}`, template }, store);
    const kept = JSON.parse(store.data.get('hadir.certificates.v1')!) as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(20);
    kept.C24 = { token: 'T24', template: { title: 1 }, savedAt: 'x' };
    store.setItem('hadir.certificates.v1', JSON.stringify(kept));
    expect(keptCertificate('C24', 'T24', store)).toBeNull();
    expect(keptCertificate('C23', 'T23', store)).not.toBeNull();
  });
});
