// The ticket sending queue: per-event message settings, who was sent which ticket version and
// when, and the answers the "Kirim tiket" page reads. Requests are valibot schemas.
import * as v from 'valibot';
import type { LinkOrigin } from '../sending/link-origin.js';
import { TEMPLATE_MAX } from '../sending/template.js';

/** Most instruction lines a ticket page shows. */
export const INSTRUCTIONS_MAX = 10;

/** PUT /api/events/:eventId/sending/settings. Empty template or no lines: the defaults. */
export const SendingSettingsBody = v.strictObject({
  /** The organizers' WhatsApp number as typed ('' for none); the server normalises it. */
  contact: v.pipe(v.string(), v.trim(), v.maxLength(40)),
  template: v.pipe(v.string(), v.maxLength(TEMPLATE_MAX)),
  instructions: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.maxLength(200))),
    v.maxLength(INSTRUCTIONS_MAX),
  ),
});
export type SendingSettingsBody = v.InferOutput<typeof SendingSettingsBody>;

/** POST /api/events/:eventId/sending/marks: this participant was sent this ticket version. */
export const SendMarkBody = v.strictObject({
  participantId: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
  version: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
});
export type SendMarkBody = v.InferOutput<typeof SendMarkBody>;

export interface SendingSettings {
  /** E.164, or null when none is set. */
  contact: string | null;
  /** The organizer's template; null means DEFAULT_TEMPLATE. */
  template: string | null;
  /** The organizer's lines for the ticket page; null means the default ones. */
  instructions: string[] | null;
}

/** Who marked a ticket sent, and when (ISO). */
export interface SendMark {
  version: number;
  at: string;
  by: string;
}

/** unsent: never sent; sent: the current ticket was sent; stale: only an older ticket was. */
export type SendState = 'unsent' | 'sent' | 'stale';

export interface SendingRow {
  participantId: string;
  name: string;
  business: string;
  phone: string;
  /** The current ticket version and its link. */
  version: number;
  link: string;
  state: SendState;
  /** The newest mark, of any version. */
  lastSent: SendMark | null;
}

export interface SendingQueue {
  eventName: string;
  wave: { id: string; name: string; venue: string; address: string; startsAt: string };
  settings: SendingSettings;
  linkOrigin: LinkOrigin;
  counts: { total: number; sent: number; unsent: number; stale: number; noPhone: number };
  /** Active participants with a usable WhatsApp number, in name order. */
  rows: SendingRow[];
  /** Active participants whose number WhatsApp cannot take. */
  noPhone: { participantId: string; name: string; phone: string }[];
}
