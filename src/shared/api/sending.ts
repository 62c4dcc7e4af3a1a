// The sending queue of tickets or certificate links: per-event message settings, who was sent
// which ticket or certificate version and when, and the answers the "Kirim" page reads.
// Requests are valibot schemas.
import * as v from 'valibot';
import type { LinkOrigin } from '../sending/link-origin.js';
import type { SendKind } from '../sending/template.js';
import { SEND_KINDS, TEMPLATE_MAX } from '../sending/template.js';

export type { SendKind };

/** `kind` in a query or body: tickets unless it says certificates. */
export const SendKindField = v.optional(v.picklist(SEND_KINDS), 'tiket');

/** Most instruction lines a ticket page shows. */
export const INSTRUCTIONS_MAX = 10;

/** PUT /api/events/:eventId/sending/settings. Empty template or no lines: the defaults. */
export const SendingSettingsBody = v.strictObject({
  /** The organizers' WhatsApp number as typed ('' for none); the server normalises it. */
  contact: v.pipe(v.string(), v.trim(), v.maxLength(40)),
  template: v.pipe(v.string(), v.maxLength(TEMPLATE_MAX)),
  /** The certificate message; absent: left as it is, '': the default. */
  certificateTemplate: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_MAX))),
  instructions: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.maxLength(200))),
    v.maxLength(INSTRUCTIONS_MAX),
  ),
});
export type SendingSettingsBody = v.InferOutput<typeof SendingSettingsBody>;

/** POST /api/events/:eventId/sending/marks: this participant was sent this ticket (or
 * certificate) version. */
export const SendMarkBody = v.strictObject({
  kind: SendKindField,
  participantId: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
  version: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  /** The certificate version the queue showed (certificates): refused when it changed since. */
  certificateId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
});
export type SendMarkBody = v.InferOutput<typeof SendMarkBody>;

export interface SendingSettings {
  /** E.164, or null when none is set. */
  contact: string | null;
  /** The organizer's template; null means DEFAULT_TEMPLATE. */
  template: string | null;
  /** The organizer's certificate message; null means DEFAULT_CERTIFICATE_TEMPLATE. */
  certificateTemplate: string | null;
  /** The organizer's lines for the ticket page; null means the default ones. */
  instructions: string[] | null;
}

/** Who marked a ticket (or certificate) sent, and when (ISO). */
export interface SendMark {
  version: number;
  /** The certificate version's id (certificate marks only). */
  certificateId?: string;
  at: string;
  by: string;
}

/**
 * unsent: never sent; sent: the current ticket (certificate) was sent; stale: only an older one
 * was — "tiket/sertifikat baru belum dikirim".
 */
export type SendState = 'unsent' | 'sent' | 'stale';

export interface SendingRow {
  participantId: string;
  name: string;
  business: string;
  phone: string;
  /** The current ticket (or valid certificate) version and its link. */
  version: number;
  link: string;
  /** The valid certificate's id and number (certificate queues only). */
  certificateId?: string;
  number?: string;
  state: SendState;
  /** The newest mark, of any version. */
  lastSent: SendMark | null;
}

export interface SendingQueue {
  kind: SendKind;
  eventName: string;
  wave: { id: string; name: string; venue: string; address: string; startsAt: string };
  settings: SendingSettings;
  linkOrigin: LinkOrigin;
  counts: {
    total: number;
    sent: number;
    unsent: number;
    stale: number;
    noPhone: number;
    /** Active participants without a valid certificate (certificate queues; 0 for tickets). */
    noCertificate: number;
  };
  /** Active participants (holding a valid certificate, for certificates) with a usable
   * WhatsApp number, in name order. */
  rows: SendingRow[];
  /** Active participants whose number WhatsApp cannot take. */
  noPhone: { participantId: string; name: string; phone: string }[];
}
