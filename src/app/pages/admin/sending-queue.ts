// The sending queue's logic, apart from the page: which participant comes next, the filters,
// the counts, the exact message (ticket or certificate), and a row updated after a mark. Pure,
// tested beside it.
import type {
  SendKind,
  SendMark,
  SendState,
  SendingQueue,
  SendingRow,
  SendingSettings,
} from '../../../shared/api/sending';
import { clockText, dayTimeText, wibIsoDate } from '../../../shared/door/wib-format';
import { whatsAppLink } from '../../../shared/roster/whatsapp';
import { defaultTemplateOf, renderMessage } from '../../../shared/sending/template';
import type { Lang } from '../../i18n/i18n';

export type SendFilter = 'all' | SendState;

/** The rows a filter shows. */
export function rowsIn(rows: SendingRow[], filter: SendFilter): SendingRow[] {
  return filter === 'all' ? rows : rows.filter((r) => r.state === filter);
}

/** The next participant to send to: the first not sent (current ticket) and not skipped. */
export function nextToSend(rows: SendingRow[], skipped: ReadonlySet<string>): SendingRow | null {
  return rows.find((r) => r.state !== 'sent' && !skipped.has(r.participantId)) ?? null;
}

/** How many rows are in each state. */
export function countsOf(rows: SendingRow[]): Record<SendState, number> & { total: number } {
  const counts = { total: rows.length, sent: 0, unsent: 0, stale: 0 };
  for (const r of rows) counts[r.state]++;
  return counts;
}

/** The saved message of this kind as the editor shows it (the default when none is saved). */
export function savedTemplate(settings: SendingSettings, kind: SendKind): string {
  const saved = kind === 'sertifikat' ? settings.certificateTemplate : settings.template;
  return saved ?? defaultTemplateOf(kind);
}

/** The message for one row, from `template` (the saved one unless a draft is previewed). */
export function messageFor(queue: SendingQueue, row: SendingRow, template?: string): string {
  return renderMessage(
    template ?? savedTemplate(queue.settings, queue.kind),
    {
      name: row.name,
      eventName: queue.eventName,
      wave: queue.wave,
      link: row.link,
      contact: queue.settings.contact,
      number: row.number,
    },
    queue.kind,
  );
}

/** wa.me with the row's message; rows in the queue always have a usable number. */
export function whatsAppFor(queue: SendingQueue, row: SendingRow): string {
  return whatsAppLink(row.phone, messageFor(queue, row)) ?? 'https://wa.me/';
}

/** The queue after the server recorded `mark` for the row's current ticket. */
export function withMark(queue: SendingQueue, participantId: string, mark: SendMark): SendingQueue {
  return {
    ...queue,
    rows: queue.rows.map((r) =>
      r.participantId === participantId &&
      r.version === mark.version &&
      r.certificateId === mark.certificateId
        ? { ...r, state: 'sent', lastSent: mark }
        : r,
    ),
  };
}

/** "dikirim 08.12 oleh Rina" (today, WIB) or "dikirim Senin 7 Desember 08.12 oleh Rina". */
export function sentLine(mark: SendMark, lang: Lang, now = Date.now()): string {
  const at = Date.parse(mark.at);
  const when =
    wibIsoDate(at) === wibIsoDate(now) ? clockText(at)[lang] : dayTimeText(mark.at)[lang];
  return lang === 'en' ? `sent ${when} by ${mark.by}` : `dikirim ${when} oleh ${mark.by}`;
}

/** What a row's state is, in words. */
export function stateText(state: SendState, lang: Lang, kind: SendKind = 'tiket'): string {
  const cert = kind === 'sertifikat';
  const words = {
    id: {
      unsent: 'Belum dikirim',
      sent: 'Terkirim',
      stale: cert ? 'Sertifikat baru belum dikirim' : 'Tiket baru belum dikirim',
    },
    en: {
      unsent: 'Not sent yet',
      sent: 'Sent',
      stale: cert ? 'New certificate not sent yet' : 'New ticket not sent yet',
    },
  };
  return words[lang][state];
}

/** The page's address for a wave and kind (tickets need no `kind`: old links keep working). */
export function sendingPath(base: string, waveId: string, kind: SendKind): string {
  const wave = `wave=${encodeURIComponent(waveId)}`;
  return `${base}/sending?${wave}${kind === 'sertifikat' ? '&kind=sertifikat' : ''}`;
}

/** The POST body that marks a row sent. */
export const markBody = (kind: SendKind, row: SendingRow) => ({
  kind,
  participantId: row.participantId,
  version: row.version,
  ...(row.certificateId ? { certificateId: row.certificateId } : {}),
});
