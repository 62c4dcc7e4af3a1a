// The certificate as it is printed: the template's placeholders filled from the signed payload,
// and dates written the Indonesian way in WIB. Pure, so the page, the wave print and the tests
// fill a certificate the same way.
import type { Bilingual } from '../messages.js';
import type { CertificatePayload } from './token.js';

type Lang = keyof Bilingual;
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const ZONE = 'Asia/Jakarta';
const cache = new Map<Lang, Intl.DateTimeFormat>();

function dayFormatter(lang: Lang): Intl.DateTimeFormat {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    cache.set(lang, f);
  }
  return f;
}

/** Reads an ISO date ("2026-12-08") or instant; a bare date is that day in WIB. */
function instant(iso: string): number {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+07:00` : iso;
  return Date.parse(bare);
}

function dayParts(ms: number, lang: Lang): { day: string; month: string; year: string } {
  const parts = dayFormatter(lang).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** "8 Desember 2026"; the text itself if it is not a date. */
export function certificateDate(iso: string, lang: Lang = 'id'): string {
  const ms = instant(iso);
  if (!Number.isFinite(ms)) return iso;
  const p = dayParts(ms, lang);
  return `${p.day} ${p.month} ${p.year}`;
}

/** A wave's days: "8 Desember 2026", "8–9 Desember 2026", "30 November – 2 Desember 2026". */
export function certificateDateRange(fromIso: string, toIso: string, lang: Lang = 'id'): string {
  const from = instant(fromIso);
  const to = instant(toIso);
  if (!Number.isFinite(from)) return certificateDate(toIso, lang);
  if (!Number.isFinite(to)) return certificateDate(fromIso, lang);
  const a = dayParts(from, lang);
  const b = dayParts(to, lang);
  if (a.year !== b.year)
    return `${certificateDate(fromIso, lang)} – ${certificateDate(toIso, lang)}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  if (a.day !== b.day) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  return `${a.day} ${a.month} ${a.year}`;
}

/** The value of each placeholder the template's body may use. */
export function placeholderValues(p: CertificatePayload): Record<string, string> {
  return {
    nama: p.name,
    usaha: p.business,
    program: p.programme,
    gelombang: p.wave,
    tempat: p.venue,
    tanggal: certificateDateRange(p.from, p.to),
    nomor: p.number,
  };
}

/** A run of a paragraph: written text, or a placeholder's value (`field` names it). */
export interface BodyRun {
  text: string;
  field: string | null;
}

/**
 * The body's paragraphs (blank lines separate them) with {nama}, {usaha}, … filled in, as runs
 * so the page can set the name apart. An unknown placeholder is left as written, so a typo
 * shows on the preview instead of vanishing.
 */
export function certificateParagraphs(body: string, p: CertificatePayload): BodyRun[][] {
  const values = placeholderValues(p);
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((para) => para !== '')
    .map((para) =>
      para
        .split(/(\{[a-z]+\})/)
        .filter((part) => part !== '')
        .map((part): BodyRun => {
          const key = /^\{([a-z]+)\}$/.exec(part)?.[1];
          const value = key === undefined ? undefined : values[key];
          return value === undefined ? { text: part, field: null } : { text: value, field: key! };
        }),
    );
}

/** The paragraphs as plain text. */
export function fillCertificateBody(body: string, p: CertificatePayload): string[] {
  return certificateParagraphs(body, p).map((runs) => runs.map((r) => r.text).join(''));
}

/** "Tangerang Selatan, 8 Desember 2026": the template's place and date, else the issue day. */
export function certificatePlaceAndDate(
  template: { place: string; date: string | null },
  p: CertificatePayload,
): string {
  const date = certificateDate(template.date ?? p.issuedAt);
  return template.place.trim() ? `${template.place.trim()}, ${date}` : date;
}
