// The WhatsApp message that carries a ticket, written by the organizer as a template with
// {placeholders}. One renderer for the sending queue, its live preview, the ticket dialog and
// the tickets CSV, so every way of sending says the same thing.
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

export type Placeholder = keyof typeof PLACEHOLDERS;

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
  };
}

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);

/**
 * The message for one participant. A line whose placeholders all come out empty (no contact
 * number yet) is left out rather than sent half-written; unknown placeholders stay as written.
 */
export function renderMessage(template: string, facts: MessageFacts): string {
  const v = values(facts);
  const lines: string[] = [];
  for (const line of template.split(/\r?\n/)) {
    let used = 0;
    let empty = 0;
    const out = line.replace(TOKEN, (whole, name: string) => {
      const key = name.toLowerCase();
      if (!isPlaceholder(key)) return whole;
      used++;
      if (v[key] === '') empty++;
      return v[key];
    });
    if (used > 0 && empty === used) continue;
    lines.push(out);
  }
  return lines.join('\n').trim();
}

/** What is wrong with a template, in words: unknown placeholders, no ticket link. */
export function templateProblems(template: string): Bilingual[] {
  const unknown = new Set<string>();
  for (const m of template.matchAll(TOKEN)) {
    if (!isPlaceholder(m[1]!.toLowerCase())) unknown.add(m[0]);
  }
  const problems: Bilingual[] = [];
  if (unknown.size > 0) {
    const list = [...unknown].join(', ');
    problems.push({
      id: `Tidak dikenal: ${list}. Yang bisa dipakai: ${placeholderList()}.`,
      en: `Not known: ${list}. You can use: ${placeholderList()}.`,
    });
  }
  if (!/\{tautan\}/i.test(template)) {
    problems.push({
      id: 'Pesan belum memuat {tautan}: peserta tidak akan menerima tiketnya.',
      en: 'The message has no {tautan}: participants would not get their ticket.',
    });
  }
  return problems;
}

/** "{nama}, {acara}, …" */
export function placeholderList(): string {
  return Object.keys(PLACEHOLDERS)
    .map((k) => `{${k}}`)
    .join(', ');
}

/** Instructions shown on the ticket page when the organizer has written none. */
export const DEFAULT_INSTRUCTIONS: Bilingual[] = [
  { id: 'Datang 30 menit lebih awal.', en: 'Arrive 30 minutes early.' },
  { id: 'Bawa KTP asli.', en: 'Bring your original KTP (ID card).' },
];
