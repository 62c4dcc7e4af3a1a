import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/api/team';
import { auditSentence, roleName, roleWithDuties } from './team-text';

const entry = (action: AuditEntry['action'], details: Record<string, unknown>): AuditEntry => ({
  id: 1,
  at: '2026-12-08T01:00:00.000Z',
  actor: 'panitia',
  action,
  eventId: null,
  eventName: null,
  details,
});

describe('team words', () => {
  it('names roles in both languages, with what each may do', () => {
    expect(roleName('pemantau', 'id')).toBe('Pemantau');
    expect(roleName('pemantau', 'en')).toBe('Observer');
    expect(roleWithDuties('staf', 'id')).toMatch(/^Staf — peserta, impor/);
  });

  it('turns each audit line into a sentence, never a raw code', () => {
    const lines: [AuditEntry, string, string][] = [
      [
        entry('roster-import', { created: 3, updated: 1, unchanged: 0, skipped: 0 }),
        'mengimpor daftar peserta (3 baru, 1 diperbarui)',
        'imported the roster (3 new, 1 updated)',
      ],
      [
        entry('participant-cancel', { name: 'Siti' }),
        'membatalkan peserta Siti',
        'cancelled participant Siti',
      ],
      [
        entry('member-role', { username: 'sari', from: 'staf', to: 'pemantau' }),
        'mengubah peran sari dari Staf menjadi Pemantau',
        'changed the role of sari from Staff to Observer',
      ],
      [
        entry('member-invite', { role: 'pemantau' }),
        'mengundang anggota baru sebagai Pemantau',
        'invited a new member as Observer',
      ],
      [
        entry('device-pair', { name: 'Tablet 1', door: 'Pintu Aula' }),
        'memasang tablet Tablet 1 di Pintu Aula',
        'paired tablet Tablet 1 at Pintu Aula',
      ],
      [
        entry('certificate-issue', { wave: 'Gelombang 1', issued: 382 }),
        'menerbitkan 382 sertifikat untuk Gelombang 1',
        'issued 382 certificates for Gelombang 1',
      ],
      [
        entry('certificate-issue', { name: 'Siti', number: '007/PLT-UMKM/DISKOP/2026' }),
        'menerbitkan sertifikat 007/PLT-UMKM/DISKOP/2026 untuk Siti',
        'issued certificate 007/PLT-UMKM/DISKOP/2026 to Siti',
      ],
      [
        entry('certificate-revoke', { name: 'Siti', number: '007', reason: 'salah nama usaha' }),
        'mencabut sertifikat 007 milik Siti: salah nama usaha',
        'revoked certificate 007 of Siti: salah nama usaha',
      ],
      [
        entry('certificate-reissue', { name: 'Siti', number: '007', version: 2 }),
        'menerbitkan ulang sertifikat 007 untuk Siti (versi 2)',
        'reissued certificate 007 to Siti (version 2)',
      ],
      [
        entry('certificate-signature', { signer: 'Budi', removed: true }),
        'menghapus tanda tangan Budi dari sertifikat',
        "removed Budi's signature from the certificate",
      ],
      [entry('event-logo', { removed: true }), 'menghapus logo acara', 'removed the event logo'],
      [
        entry('event-logo', { type: 'image/png', bytes: 2048 }),
        'mengganti logo acara untuk badge dan sertifikat',
        'changed the event logo for badges and certificates',
      ],
      [
        entry('certificate-template', {}),
        'mengubah templat sertifikat',
        'changed the certificate template',
      ],
    ];
    for (const [e, id, en] of lines) {
      expect(auditSentence(e, 'id')).toBe(id);
      expect(auditSentence(e, 'en')).toBe(en);
    }
  });
});
