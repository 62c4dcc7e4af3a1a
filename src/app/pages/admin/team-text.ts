// Words for the team pages: role names and what each may do, and each audit-log line as a
// sentence an office reads ("wati membatalkan peserta Siti"), never a raw action code.
import type { AuditEntry, Role } from '../../../shared/api/team';
import type { Lang } from '../../i18n/i18n';

const roleNames: Record<Role, { id: string; en: string }> = {
  admin: { id: 'Admin', en: 'Admin' },
  staf: { id: 'Staf', en: 'Staff' },
  pemantau: { id: 'Pemantau', en: 'Observer' },
};

const roleDuties: Record<Role, { id: string; en: string }> = {
  admin: {
    id: 'semua, termasuk acara, tim dan log aktivitas',
    en: 'everything, including the event, the team and the activity log',
  },
  staf: {
    id: 'peserta, impor, tiket, badge, kehadiran dan tablet pintu',
    en: 'participants, import, tickets, badges, attendance and door tablets',
  },
  pemantau: {
    id: 'hanya melihat: acara, peserta, kehadiran, laporan',
    en: 'view only: events, participants, attendance, reports',
  },
};

/** "Staf" / "Staff". */
export function roleName(role: Role, lang: Lang): string {
  return roleNames[role][lang];
}

/** "Staf — peserta, impor, …": a role with what it may do, for pickers. */
export function roleWithDuties(role: Role, lang: Lang): string {
  return `${roleNames[role][lang]} — ${roleDuties[role][lang]}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const isRole = (v: unknown): v is Role => v === 'admin' || v === 'staf' || v === 'pemantau';
const role = (v: unknown, lang: Lang) => (isRole(v) ? roleName(v, lang) : str(v));

/** What was done, in words (the actor and time are shown beside it). */
export function auditSentence(e: AuditEntry, lang: Lang): string {
  const d = e.details;
  const id = lang === 'id';
  switch (e.action) {
    case 'roster-import': {
      const added = num(d.created);
      const updated = num(d.updated);
      return id
        ? `mengimpor daftar peserta (${added} baru, ${updated} diperbarui)`
        : `imported the roster (${added} new, ${updated} updated)`;
    }
    case 'participant-cancel':
      return id ? `membatalkan peserta ${str(d.name)}` : `cancelled participant ${str(d.name)}`;
    case 'ticket-reissue':
      return id
        ? `menerbitkan ulang tiket ${str(d.name)}`
        : `reissued the ticket of ${str(d.name)}`;
    case 'participant-reactivate':
      return id ? `mengaktifkan lagi peserta ${str(d.name)}` : `reactivated ${str(d.name)}`;
    case 'walk-in-confirm':
      return d.created === false
        ? id
          ? `menghubungkan pendaftar di pintu dengan peserta ${str(d.name)}`
          : `matched a walk-in to participant ${str(d.name)}`
        : id
          ? `menjadikan pendaftar di pintu ${str(d.name)} peserta`
          : `made walk-in ${str(d.name)} a participant`;
    case 'sending-settings':
      return id
        ? 'mengubah pesan WhatsApp, nomor kontak dan petunjuk tiket'
        : 'changed the WhatsApp message, contact number and ticket instructions';
    case 'ticket-send-undo':
      return id
        ? `membatalkan tanda "terkirim" tiket ${str(d.name)}`
        : `undid the "sent" mark of ${str(d.name)}'s ticket`;
    case 'certificate-send-undo':
      return id
        ? `membatalkan tanda "terkirim" sertifikat ${str(d.name)}`
        : `undid the "sent" mark of ${str(d.name)}'s certificate`;
    case 'event-archive':
      return id ? `mengarsipkan acara ${str(d.name)}` : `archived the event ${str(d.name)}`;
    case 'event-unarchive':
      return id
        ? `mengaktifkan lagi acara ${str(d.name)} dari arsip`
        : `brought the event ${str(d.name)} back from the archive`;
    case 'event-delete':
      return id ? `menghapus acara ${str(d.name)}` : `deleted the event ${str(d.name)}`;
    case 'retention-day':
      return d.day === null
        ? id
          ? `menghapus tanggal penghapusan data pribadi acara ${str(d.name)}`
          : `cleared the personal-data erasure day of ${str(d.name)}`
        : id
          ? `menjadwalkan penghapusan data pribadi acara ${str(d.name)} pada ${str(d.day)}`
          : `scheduled erasure of personal data of ${str(d.name)} on ${str(d.day)}`;
    case 'personal-data-erase':
      return d.scheduled === true
        ? id
          ? `menghapus data pribadi ${num(d.participants)} peserta acara ${str(d.name)} sesuai jadwal`
          : `erased personal data of ${num(d.participants)} participants of ${str(d.name)} on schedule`
        : id
          ? `menghapus data pribadi ${num(d.participants)} peserta acara ${str(d.name)}`
          : `erased personal data of ${num(d.participants)} participants of ${str(d.name)}`;
    case 'device-pair':
      return id
        ? `memasang tablet ${str(d.name)} di ${str(d.door)}`
        : `paired tablet ${str(d.name)} at ${str(d.door)}`;
    case 'device-revoke':
      return id
        ? `mencabut tablet ${str(d.name)} di ${str(d.door)}`
        : `revoked tablet ${str(d.name)} at ${str(d.door)}`;
    case 'member-invite':
      return id
        ? `mengundang anggota baru sebagai ${role(d.role, lang)}`
        : `invited a new member as ${role(d.role, lang)}`;
    case 'member-join':
      return id
        ? `bergabung ke tim sebagai ${role(d.role, lang)}`
        : `joined the team as ${role(d.role, lang)}`;
    case 'member-role':
      return id
        ? `mengubah peran ${str(d.username)} dari ${role(d.from, lang)} menjadi ${role(d.to, lang)}`
        : `changed the role of ${str(d.username)} from ${role(d.from, lang)} to ${role(d.to, lang)}`;
    case 'member-remove':
      return id
        ? `mengeluarkan ${str(d.username)} dari tim`
        : `removed ${str(d.username)} from the team`;
    case 'eligibility-rule':
      return id
        ? `mengubah syarat sertifikat ${str(d.wave)}`
        : `changed the certificate rule of ${str(d.wave)}`;
    case 'eligibility-override':
      return d.eligible === true
        ? id
          ? `menyatakan ${str(d.name)} berhak sertifikat: ${str(d.reason)}`
          : `declared ${str(d.name)} eligible for the certificate: ${str(d.reason)}`
        : id
          ? `menyatakan ${str(d.name)} tidak berhak sertifikat: ${str(d.reason)}`
          : `declared ${str(d.name)} not eligible for the certificate: ${str(d.reason)}`;
    case 'eligibility-override-remove':
      return id
        ? `menghapus keputusan panitia untuk ${str(d.name)}; syarat berlaku lagi`
        : `removed the decision for ${str(d.name)}; the rule applies again`;
    case 'event-logo':
      return d.removed === true
        ? id
          ? 'menghapus logo acara'
          : 'removed the event logo'
        : id
          ? 'mengganti logo acara untuk badge dan sertifikat'
          : 'changed the event logo for badges and certificates';
    case 'list-signers':
      return id
        ? 'mengubah kop dan penanda tangan daftar laporan'
        : 'changed the letterhead and signers of the office lists';
    case 'certificate-template':
      return id ? 'mengubah templat sertifikat' : 'changed the certificate template';
    case 'certificate-signature':
      return d.removed === true
        ? id
          ? `menghapus tanda tangan ${str(d.signer)} dari sertifikat`
          : `removed ${str(d.signer)}'s signature from the certificate`
        : id
          ? `mengunggah tanda tangan ${str(d.signer)} untuk sertifikat`
          : `uploaded ${str(d.signer)}'s signature for the certificate`;
    case 'certificate-issue':
      return typeof d.name === 'string'
        ? id
          ? `menerbitkan sertifikat ${str(d.number)} untuk ${str(d.name)}`
          : `issued certificate ${str(d.number)} to ${str(d.name)}`
        : id
          ? `menerbitkan ${num(d.issued)} sertifikat untuk ${str(d.wave)}`
          : `issued ${num(d.issued)} certificates for ${str(d.wave)}`;
    case 'certificate-revoke':
      return id
        ? `mencabut sertifikat ${str(d.number)} milik ${str(d.name)}: ${str(d.reason)}`
        : `revoked certificate ${str(d.number)} of ${str(d.name)}: ${str(d.reason)}`;
    case 'certificate-reissue':
      return id
        ? `menerbitkan ulang sertifikat ${str(d.number)} untuk ${str(d.name)} (versi ${num(d.version)})`
        : `reissued certificate ${str(d.number)} to ${str(d.name)} (version ${num(d.version)})`;
    default:
      return id ? 'melakukan perubahan' : 'made a change';
  }
}
