// GET /api/events/:eventId/attendance/summary: attendance against the roster, per wave and per
// session — "Hadir 312 dari 382", arrivals per 10 minutes per door, and who has not come yet.

/** Arrivals are counted in buckets this long, aligned to WIB wall-clock time (UTC+7, no DST). */
export const ARRIVAL_BUCKET_MINUTES = 10;

/** A person on the wave's roster not yet admitted to the session. */
export interface MissingPerson {
  participantId: string;
  name: string;
  business: string;
  /** As stored (normalised +62… on import and entry). */
  phone: string;
}

/** First arrivals per door, bucket by bucket (aligned with SessionSummary.buckets). */
export interface DoorArrivals {
  door: string;
  counts: number[];
}

export interface SessionSummary {
  sessionId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  /** Active participants of the wave. */
  rosterCount: number;
  /** Of those, how many were admitted to this session. */
  present: number;
  /** Admitted but not on this wave's active roster: walk-ins, another wave's ticket, cancelled. */
  others: number;
  /** Start of each 10-minute bucket (ISO), from the first arrival's to the last's. */
  buckets: string[];
  arrivals: DoorArrivals[];
  /** Sorted by name. */
  missing: MissingPerson[];
}

export interface WaveSummary {
  waveId: string;
  name: string;
  venue: string;
  address: string;
  startsAt: string;
  endsAt: string;
  rosterCount: number;
  /** Active participants of the wave admitted to at least one of its sessions. */
  present: number;
  sessions: SessionSummary[];
}

export interface AttendanceSummary {
  eventId: string;
  eventName: string;
  /** The server scan seq the summary includes (live updates continue after it). */
  cursor: number;
  waves: WaveSummary[];
  serverTime: string;
}
