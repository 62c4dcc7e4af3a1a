// What the organizer sees of the door: attendance per session (folded with the same pure fold the
// tablets use) and the conflicts to review. Times are ISO; `at` and `correctedTime` are the
// device's time corrected by its measured clock offset, `deviceTime` is what the device said.
import type { ScanEvent } from '../door/types.js';

/** One `event: scan` message of GET /api/events/:eventId/live (its SSE `id` is the server seq). */
export type LiveScan = Omit<ScanEvent, 'correctedTime'> & {
  receivedAt: number;
  correctedTime: string;
  /** Who it was, when known; `waveId` is their own wave (a walk-in has none). */
  person?: { name: string; business: string; waveId?: string };
  /** The tablet's name as paired. */
  deviceName?: string;
};

/** One person's attendance at one session. */
export interface AttendanceEntry {
  /** The participant id, or for a walk-in the id of its walk-in event. */
  personId: string;
  participantId: string | null;
  name: string;
  business: string;
  walkIn: boolean;
  /** Corrected time of the first counted admission. */
  at: string;
  deviceTime: string;
  door: string;
  deviceId: string;
  deviceName: string | null;
  volunteer: string;
  /** Counted admissions (more than one: a re-entry, or two doors). */
  admissions: number;
  flagged: boolean;
  firstEventId: string;
}

export interface SessionAttendance {
  sessionId: string;
  waveId: string | null;
  /** null for a session that was deleted after scans were recorded for it. */
  name: string | null;
  count: number;
  attendees: AttendanceEntry[];
}

/** GET /api/events/:eventId/attendance */
export interface AttendanceReport {
  eventId: string;
  sessions: SessionAttendance[];
  serverTime: string;
}

/** One admitting scan, as the conflict list shows it. */
export interface AdmissionCopy {
  eventId: string;
  kind: string;
  door: string;
  deviceId: string;
  deviceName: string | null;
  volunteer: string;
  deviceTime: string;
  correctedTime: string;
  receivedAt: string;
}

/** The same person let in for the same session by check-ins on two or more devices. */
export interface DoubleAdmission {
  personId: string;
  name: string;
  sessionId: string;
  sessionName: string | null;
  admissions: AdmissionCopy[];
}

/** A second copy of a scan id whose body differs from the stored one (a faulty or old client). */
export interface IdConflict {
  id: string;
  /** The copy the server holds (and counts). */
  stored: (AdmissionCopy & { body: unknown }) | null;
  /** The differing copy, kept only for review. */
  received: AdmissionCopy & { body: unknown };
}

/** GET /api/events/:eventId/conflicts */
export interface ConflictReport {
  eventId: string;
  doubleAdmissions: DoubleAdmission[];
  idConflicts: IdConflict[];
  serverTime: string;
}

/** A pushed (or imported) scan the server refused, kept with the reason the tablet was given. */
export interface RejectedScanEntry {
  /** The scan's id as sent; '' when it had none. */
  id: string;
  code: string;
  /** "Indonesian / English", as the tablet was answered. */
  message: string;
  deviceId: string;
  deviceName: string | null;
  receivedAt: string;
  /** The event as it came; possibly malformed, which may be why it was refused. */
  body: unknown;
}

/** GET /api/events/:eventId/rejections */
export interface RejectionReport {
  eventId: string;
  rejections: RejectedScanEntry[];
  serverTime: string;
}
