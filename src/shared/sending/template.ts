// The WhatsApp message that carries a ticket or a certificate link, written by the organizer as
// a template with {placeholders}. One renderer for the sending queue (either kind), its live
// preview, the ticket dialog and the tickets CSV, so every way of sending says the same thing.
import type { Bilingual } from '../messages.js';
import { dayTimeText } from '../door/wib-format.js';
import { phoneText } from '../roster/phone.js';

/** Placeholders a template may use, with what each becomes, in words for the editor. */
export const PLACEHOLDERS = {
  nama: { id: 'nama peserta', en: "participant's name" },
  acara: { id: 'nama acara', en: 'event name' },
  gelombang: { id: 'nama gelombang', en: 'wave name' },
  tempat: { id: 'tempat dan alamat', en: 'venue and address' },
  waktu: { id: 'hari, tanggal dan jam mulai (WIB)', en: 'day, date and start time (WIB)' },
  tautan: { id: 'tautan tiket', en: 'ticket link' },
  kontak: { id: 'nomor WhatsApp panitia', en: "organizers' WhatsApp number" },
} satisfies Record<string, Bilingual>;

/** What a sending queue sends: a ticket link or a certificate link. */
export type SendKind = 'tiket' | 'sertifikat';
export const SEND_KINDS: readonly SendKind[] = ['tiket', 'sertifikat'];

/** Placeholders a certificate message may use (no venue or time: the training is over). */
export const CERTIFICATE_PLACEHOLDERS = {
  nama: PLACEHOLDERS.nama,
  acara: PLACEHOLDERS.acara,
  gelombang: PLACEHOLDERS.gelombang,
  nomor: { id: 'nomor sertifikat', en: 'certificate number' },
  tautan: { id: 'tautan sertifikat', en: 'certificate link' },
  kontak: PLACEHOLDERS.kontak,
} satisfies Record<string, Bilingual>;

export type Placeholder = keyof typeof PLACEHOLDERS | keyof typeof CERTIFICATE_PLACEHOLDERS;

/** The placeholders of each kind of message. */
export function placeholdersOf(kind: SendKind): Partial<Record<Placeholder, Bilingual>> {
  return kind === 'sertifikat' ? CERTIFICATE_PLACEHOLDERS : PLACEHOLDERS;
}

/** What the Indonesian office sends when it has not written its own message. */
export const DEFAULT_TEMPLATE = [
  'Halo {nama},',
  '',
  'Ini tiket Anda untuk {acara}, {gelombang}.',
  'Tempat: {tempat}',
  'Waktu: {waktu}',
  '',
  'Buka tautan ini sekali saat ada internet; setelah itu tiket tersimpan di HP dan bisa dibuka tanpa internet. Tunjukkan kode QR kepada petugas di pintu masuk:',
  '{tautan}',
  '',
  'Ada pertanyaan? Hubungi panitia lewat WhatsApp: {kontak}',
].join('\n');

/** What the office sends with a certificate when it has not written its own message. */
export const DEFAULT_CERTIFICATE_TEMPLATE = [
  'Selamat, Bapak/Ibu {nama}!',
  '',
  'Anda telah menyelesaikan {acara}, {gelombang}. Sertifikat Anda nomor {nomor} dapat dibuka dan diunduh di tautan ini:',
  '{tautan}',
  '',
  'Simpan tautan ini; sertifikat bisa dibuka lagi dan dicetak kapan saja.',
  '',
  'Ada pertanyaan? Hubungi panitia lewat WhatsApp: {kontak}',
].join('\n');

/** The default message of each kind. */
export const defaultTemplateOf = (kind: SendKind): string =>
  kind === 'sertifikat' ? DEFAULT_CERTIFICATE_TEMPLATE : DEFAULT_TEMPLATE;

/** Longest template accepted (WhatsApp links carry the message in the URL). */
export const TEMPLATE_MAX = 2000;

const TOKEN = /\{([^{}\s]{1,30})\}/g;

/** The facts a message is made of, for one participant. */
export interface MessageFacts {
  name: string;
  eventName: string;
  wave: { name: string; venue: string; address: string; startsAt: string };
  link: string;
  /** The organizers' WhatsApp number (E.164), or null when not set. */
  contact: string | null;
  /** The certificate number (certificate messages only). */
  number?: string;
}

function values(f: MessageFacts): Record<Placeholder, string> {
  const time = Number.isFinite(Date.parse(f.wave.startsAt))
    ? `${dayTimeText(f.wave.startsAt).id} WIB`
    : f.wave.startsAt;
  return {
    nama: f.name,
    acara: f.eventName,
    gelombang: f.wave.name,
    tempat: [f.wave.venue, f.wave.address].filter(Boolean).join(', '),
    waktu: time,
    tautan: f.link,
    kontak: f.contact ? phoneText(f.contact) : '',
    nomor: f.number ?? '',
  };
}

const isPlaceholder = (name: string, kind: SendKind): name is Placeholder =>
  Object.hasOwn(placeholdersOf(kind), name);

/**
 * The message for one participant. A line whose placeholders all come out empty (no contact
 * number yet) is left out rather than sent half-written; unknown placeholders stay as written.
 */
export function renderMessage(
  template: string,
  facts: MessageFacts,
  kind: SendKind = 'tiket',
): string {
  const v = values(facts);
  const lines: string[] = [];
  for (const line of template.split(/\r?\n/)) {
    let used = 0;
    let empty = 0;
    const out = line.replace(TOKEN, (whole, name: string) => {
      const key = name.toLowerCase();
      if (!isPlaceholder(key, kind)) return whole;
      used++;
      if (v[key] === '') empty++;
      return v[key];
    });
    if (used > 0 && empty === used) continue;
    lines.push(out);
  }
  return lines.join('\n').trim();
}

/** What is wrong with a template, in words: unknown placeholders, no ticket/certificate link. */
export function templateProblems(template: string, kind: SendKind = 'tiket'): Bilingual[] {
  const unknown = new Set<string>();
  for (const m of template.matchAll(TOKEN)) {
    if (!isPlaceholder(m[1]!.toLowerCase(), kind)) unknown.add(m[0]);
  }
  const problems: Bilingual[] = [];
  if (unknown.size > 0) {
    const list = [...unknown].join(', ');
    problems.push({
      id: `Tidak dikenal: ${list}. Yang bisa dipakai: ${placeholderList(kind)}.`,
      en: `Not known: ${list}. You can use: ${placeholderList(kind)}.`,
    });
  }
  if (!/\{tautan\}/i.test(template)) {
    problems.push(
      kind === 'sertifikat'
        ? {
            id: 'Pesan belum memuat {tautan}: peserta tidak akan menerima sertifikatnya.',
            en: 'The message has no {tautan}: participants would not get their certificate.',
          }
        : {
            id: 'Pesan belum memuat {tautan}: peserta tidak akan menerima tiketnya.',
            en: 'The message has no {tautan}: participants would not get their ticket.',
          },
    );
  }
  return problems;
}

/** "{nama}, {acara}, …" */
export function placeholderList(kind: SendKind = 'tiket'): string {
  return Object.keys(placeholdersOf(kind))
    .map((k) => `{${k}}`)
    .join(', ');
}

/** Instructions shown on the ticket page when the organizer has written none. */
export const DEFAULT_INSTRUCTIONS: Bilingual[] = [
  { id: 'Datang 30 menit lebih awal.', en: 'Arrive 30 minutes early.' },
  { id: 'Bawa KTP asli.', en: 'Bring your original KTP (ID card).' },
];
