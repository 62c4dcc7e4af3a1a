// Words of event housekeeping (archive, delete, the demo's second copy) and reactivation,
// Indonesian first.
import type { Lang } from '../../i18n/i18n';

const id = {
  showArchived: 'Tampilkan arsip',
  archivedTag: 'Diarsipkan',
  archivedBanner:
    'Acara ini diarsipkan: hanya bisa dibaca. Keluarkan dari arsip untuk mengubahnya.',
  housekeeping: 'Arsip dan hapus',
  archive: 'Arsipkan acara',
  archiveHint:
    'Acara yang diarsipkan hanya bisa dibaca dan disembunyikan dari daftar acara. Bisa dikeluarkan dari arsip kapan saja.',
  unarchive: 'Keluarkan dari arsip',
  deleteTitle: 'Hapus acara',
  deleteHint: (name: string) =>
    `Semua gelombang, peserta, tiket, perangkat dan hasil pindaian acara ini ikut terhapus dan tidak bisa dikembalikan. Ketik nama acara "${name}" untuk memastikan.`,
  deleteLabel: 'Nama acara',
  deleteButton: 'Hapus acara ini selamanya',
  deleting: 'Menghapus…',
  deleted: (name: string) => `Acara "${name}" sudah dihapus.`,
  demoCopyName: 'Nama salinan acara contoh',
  demoCopy: 'Muat salinan kedua',
  reactivate: 'Aktifkan kembali',
  reactivated: (name: string) =>
    `${name} aktif kembali dengan tiket baru. Tiket lama tetap tidak berlaku — kirim tiket baru.`,
};

const en: typeof id = {
  showArchived: 'Show archived',
  archivedTag: 'Archived',
  archivedBanner: 'This event is archived: read-only. Un-archive it to make changes.',
  housekeeping: 'Archive and delete',
  archive: 'Archive event',
  archiveHint:
    'An archived event is read-only and hidden from the events list. It can be un-archived at any time.',
  unarchive: 'Un-archive',
  deleteTitle: 'Delete event',
  deleteHint: (name) =>
    `All waves, participants, tickets, devices and scans of this event are deleted too, for good. Type the event's name "${name}" to confirm.`,
  deleteLabel: 'Event name',
  deleteButton: 'Delete this event for good',
  deleting: 'Deleting…',
  deleted: (name) => `The event "${name}" was deleted.`,
  demoCopyName: 'Name of the demo copy',
  demoCopy: 'Load a second copy',
  reactivate: 'Reactivate',
  reactivated: (name) =>
    `${name} is active again with a new ticket. The old ticket stays invalid — send the new one.`,
};

export const housekeepingText: Record<Lang, typeof id> = { id, en };

/** Names compare as people type them (the server compares the same way). */
export function sameEventName(typed: string, name: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return norm(typed) === norm(name);
}
