// The lists the office files after the day (laporan / SPJ): the Daftar Hadir of a session, who
// did not come, and a recap per wave. Rows sorted by name; times in WIB are formatted by the view.
import * as v from 'valibot';

/** One person on a session's list. */
export interface OfficeListRow {
  /** null for a walk-in not (yet) confirmed as a participant. */
  participantId: string | null;
  name: string;
  business: string;
  /** Full, or masked (`3674********0001`) when asked; '' when unknown. */
  nik: string;
  phone: string;
  /** Corrected time of the first admission (ISO); null on the absentee list. */
  at: string | null;
  door: string | null;
  /** Registered at the door without a ticket. */
  walkIn: boolean;
}

/** GET /api/events/:eventId/sessions/:sessionId/lists */
export interface SessionLists {
  eventName: string;
  wave: { id: string; name: string; venue: string; address: string };
  session: { id: string; name: string; startsAt: string; endsAt: string };
  /** The Daftar Hadir: everyone admitted to the session. */
  present: OfficeListRow[];
  /** Active participants of the wave not admitted to the session. */
  absent: OfficeListRow[];
}

export interface WaveRecap {
  waveId: string;
  waveName: string;
  venue: string;
  /** Active participants. */
  registered: number;
  sessions: { sessionId: string; name: string; attended: number }[];
  /** Participants attending at least one session. */
  attendedAny: number;
  eligible: number;
  /** Participants of the wave holding a valid certificate. */
  certificates: number;
  /** Walk-ins registered at the doors, and how many of them became participants. */
  walkIns: number;
  walkInsConfirmed: number;
}

/** GET /api/events/:eventId/recap */
export interface EventRecap {
  eventName: string;
  waves: WaveRecap[];
}

const line = v.pipe(v.string(), v.trim(), v.maxLength(120));

/** The letterhead and signature block of the printed lists, shared by the event's team. */
export const ListSignersBody = v.strictObject({
  /** The agency line at the top, e.g. PEMERINTAH KOTA TANGERANG SELATAN. */
  agency: line,
  leftTitle: line,
  leftName: line,
  rightTitle: line,
  rightName: line,
});
export type ListSigners = v.InferOutput<typeof ListSignersBody>;

/** GET/PUT /api/events/:eventId/list-signers: null until someone on the team saves them. */
export interface ListSignersView {
  signers: ListSigners | null;
}
