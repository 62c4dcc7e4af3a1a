// Request and response shapes of the HTTP API, shared by the server (validation) and the
// browser (forms and typed fetches). valibot keeps them small enough for the ticket page.
import * as v from 'valibot';
import type { Role } from './team.js';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const requiredText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
/** ISO-8601 date-time with an offset, e.g. 2026-12-08T08:00:00+07:00. */
const isoDateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/),
);
const httpUrl = v.pipe(v.string(), v.trim(), v.maxLength(2000), v.regex(/^https?:\/\/\S+$/));

export const SetupBody = v.strictObject({
  token: requiredText(200),
  username: v.pipe(requiredText(60), v.regex(/^[\p{L}\p{N}._@-]+$/u)),
  /** Length and commonness: the shared rule (shared/account/password-rule.ts), in words. */
  password: v.pipe(v.string(), v.maxLength(200)),
});
export type SetupBody = v.InferOutput<typeof SetupBody>;

export const LoginBody = v.strictObject({
  username: requiredText(60),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
});
export type LoginBody = v.InferOutput<typeof LoginBody>;

export const EventBody = v.strictObject({ name: requiredText(200) });
export type EventBody = v.InferOutput<typeof EventBody>;

export const WaveBody = v.strictObject({
  name: requiredText(120),
  venue: requiredText(200),
  address: text(400),
  mapUrl: v.nullable(httpUrl),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});
export type WaveBody = v.InferOutput<typeof WaveBody>;

export const SessionBody = v.strictObject({
  name: requiredText(120),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});
export type SessionBody = v.InferOutput<typeof SessionBody>;

export const ParticipantBody = v.strictObject({
  name: requiredText(120),
  business: text(160),
  phone: requiredText(40),
  email: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200), v.email()))),
  nik: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.regex(/^\d{16}$/)))),
  waveId: requiredText(20),
});
export type ParticipantBody = v.InferOutput<typeof ParticipantBody>;

export const ParticipantPatch = v.partial(ParticipantBody);
export type ParticipantPatch = v.InferOutput<typeof ParticipantPatch>;

export const ImportCommitBody = v.strictObject({ draftId: requiredText(40) });
export type ImportCommitBody = v.InferOutput<typeof ImportCommitBody>;

/**
 * Ask for a ticket's display data with the signed token the phone holds (in the body, never in a
 * URL): the server answers only for a ticket it signed. Not secret from the server, which made it.
 */
export const TicketInfoBody = v.strictObject({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
});
export type TicketInfoBody = v.InferOutput<typeof TicketInfoBody>;

// ---- responses (plain types; the server is the only producer) ----

export interface ApiError {
  error: {
    code: string;
    message: string;
    messages?: { id: string; en: string };
    details?: unknown;
  };
}

export interface Organizer {
  id: string;
  username: string;
  /** admin | staf | pemantau (see api/team.ts). */
  role: Role;
}

export interface SessionInfo {
  id: string;
  waveId: string;
  name: string;
  startsAt: string;
  endsAt: string;
}

export interface WaveInfo {
  id: string;
  eventId: string;
  name: string;
  venue: string;
  address: string;
  mapUrl: string | null;
  startsAt: string;
  endsAt: string;
  sessions: SessionInfo[];
  participantCount: number;
}

/** POST /api/demo: a name asks for a second copy (the demo loads once under its own name). */
export const DemoBody = v.object({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
});
export type DemoBody = v.InferOutput<typeof DemoBody>;

export interface EventSummary {
  id: string;
  name: string;
  createdAt: string;
  participantCount: number;
  /** Set while the event is archived: read-only, hidden from the list unless asked for. */
  archivedAt?: string | null;
}

export interface EventDetail extends EventSummary {
  waves: WaveInfo[];
  /** The badge logo's versioned path, or null when the event has none. */
  logoUrl?: string | null;
}

export type ParticipantStatus = 'active' | 'cancelled';

export interface Participant {
  id: string;
  eventId: string;
  waveId: string;
  name: string;
  business: string;
  phone: string;
  email: string | null;
  nik: string | null;
  status: ParticipantStatus;
  ticketVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantList {
  participants: Participant[];
  total: number;
  /** Participant id → ids of the sessions they were admitted to (this page's people). */
  attended?: Record<string, string[]>;
}

export interface TicketLinks {
  participantId: string;
  token: string;
  /** Absolute link to the ticket page, token in the fragment. */
  link: string;
  /** wa.me click-to-chat with a ready Indonesian message. */
  whatsappLink: string;
}

/** What the ticket page shows beside the QR; cached on the phone after the first visit. */
export interface TicketInfo {
  participantId: string;
  version: number;
  status: 'valid' | 'cancelled' | 'superseded';
  name: string;
  business: string;
  eventName: string;
  wave: {
    name: string;
    venue: string;
    address: string;
    mapUrl: string | null;
    startsAt: string;
    endsAt: string;
  };
  sessions: { name: string; startsAt: string; endsAt: string }[];
  /** The organizers' WhatsApp number (E.164); absent from tickets saved before it existed. */
  contact?: string | null;
  /** The organizer's lines for the participant; null or absent: the default ones. */
  instructions?: string[] | null;
}

/** A cancelled or replaced ticket: its status only, never the participant's details. */
export interface TicketStatusOnly {
  participantId: string;
  version: number;
  status: 'cancelled' | 'superseded';
}

/** POST /api/ticket-info: details for a valid ticket, the status alone for any other. */
export type TicketInfoResult = TicketInfo | TicketStatusOnly;

export interface ImportRowError {
  line: number;
  field: string | null;
  code: string;
  message: { id: string; en: string };
}

export interface ImportPreview {
  draftId: string;
  totalRows: number;
  creates: { line: number; name: string; business: string; phone: string; waveName: string }[];
  updates: { line: number; participantId: string; name: string; changes: string[] }[];
  unchanged: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The skipped rows with a reason column (CSV text), when any were skipped. */
  rejectedCsv?: string;
}

/** One line of the NDJSON stream that POST /import/commit answers with. */
export type ImportProgressLine =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; error: ApiError['error'] };

/** Most participants one badge request may name (a wave is about 400). */
export const BADGE_IDS_MAX = 500;

/** GET /events/:id/badges: exactly one of a wave, all waves, or chosen participants. */
export const BadgeQuery = v.union([
  v.strictObject({ wave: requiredText(20) }),
  v.strictObject({ all: v.literal('1') }),
  v.strictObject({
    ids: v.pipe(
      v.string(),
      v.maxLength(BADGE_IDS_MAX * 41),
      v.transform((s) => [...new Set(s.split(',').filter(Boolean))]),
      v.minLength(1),
      v.maxLength(BADGE_IDS_MAX),
      v.everyItem((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id)),
    ),
  }),
]);
export type BadgeQuery = v.InferOutput<typeof BadgeQuery>;

export interface BadgeSheet {
  eventName: string;
  /** The event logo (versioned path) printed on each badge, or null. */
  logoUrl: string | null;
  /** The waves the badges belong to. */
  waves: { id: string; name: string; venue: string; startsAt: string }[];
  badges: {
    participantId: string;
    waveId: string;
    name: string;
    business: string;
    token: string;
  }[];
  /** Asked-for participants not printed: cancelled, or not in this event. */
  leftOut: string[];
}
