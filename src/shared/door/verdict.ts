// The verdict at the door, decided offline from the scanned text and what the tablet holds.
// Pure apart from awaiting its lookups, which may be backed by a Map or by IndexedDB.
import type { Problem } from '../messages.js';
import type { TicketPayload } from '../ticket/codec.js';
import type { EventPublicKey } from '../ticket/crypto.js';
import type { SessionGrace } from './session-time.js';
import type { AttendanceRecord, RosterEntry, SessionRef, WaveRef } from './types.js';
import { verifyTicket } from '../ticket/crypto.js';
import { DEFAULT_SESSION_GRACE, isSessionCurrent, pickSession } from './session-time.js';

type Awaitable<T> = T | Promise<T>;

/** Everything a verdict depends on; each lookup is one keyed read, never a scan of the roster. */
export interface VerdictInput {
  /** What the camera or the USB scanner read. */
  text: string;
  /** The event's public keys this device holds. */
  keys: readonly EventPublicKey[];
  roster: (participantId: string) => Awaitable<RosterEntry | undefined>;
  /** The highest revoked ticket version of a participant, if any. */
  revocations: (participantId: string) => Awaitable<number | undefined>;
  /** Their attendance at a session, already folded (undone admissions do not count). */
  attendance: (participantId: string, sessionId: string) => Awaitable<AttendanceRecord | undefined>;
  /** The session this door is checking people into. */
  session: SessionRef;
  waves: (waveId: string) => Awaitable<WaveRef | undefined>;
  /** A wave's sessions, to say where and when someone should go instead. */
  sessions?: (waveId: string) => Awaitable<readonly SessionRef[]>;
  /** The waves this device was enrolled for. */
  allowedWaveIds: readonly string[];
  /** The (offset-corrected) time of the scan; without it the session's time is not checked. */
  now?: number;
  grace?: SessionGrace;
}

/** What the door says, with the details each verdict shows; `ticket` is the signed payload. */
export type Verdict =
  | { kind: 'admitted'; ticket: TicketPayload; participant: RosterEntry }
  | {
      kind: 'already-in';
      ticket: TicketPayload;
      /** Undefined for someone admitted earlier as valid-not-in-roster. */
      participant?: RosterEntry;
      eventId: string;
      at: number;
      door: string;
      deviceId: string;
      volunteer: string;
    }
  | {
      kind: 'wrong-wave';
      ticket: TicketPayload;
      participant?: RosterEntry;
      waveId: string;
      /** Where to go; undefined if this device does not know their wave. */
      wave?: WaveRef;
      /** When to go: their wave's session on now, or the next one. */
      session?: SessionRef;
    }
  | {
      kind: 'wrong-session';
      ticket: TicketPayload;
      participant?: RosterEntry;
      /** other-wave: this session is another wave's; not-now: this session is not on now. */
      reason: 'other-wave' | 'not-now';
      /** The session they belong to, if this device knows one. */
      session?: SessionRef;
      wave?: WaveRef;
    }
  | {
      kind: 'revoked';
      ticket: TicketPayload;
      participantId: string;
      reason: 'cancelled' | 'reissued';
    }
  | { kind: 'valid-not-in-roster'; ticket: TicketPayload; participantId: string; waveId: string }
  | { kind: 'not-a-ticket'; problem: Problem }
  | { kind: 'forged'; problem: Problem; reason: 'bad-signature' | 'unknown-key' };

/**
 * Decides what the door says about scanned text. The checks run in this order, first match wins:
 *  1. not a Hadir ticket at all                                   → not-a-ticket
 *  2. signature bad, or signed by a key this device doesn't hold  → forged
 *  3. participant cancelled, version ≤ a revoked version, or
 *     version older than the roster's current one                 → revoked
 *  4. ticket's wave not among this device's allowed waves         → wrong-wave
 *  5. ticket's wave ≠ the session's wave                          → wrong-session (other-wave)
 *     the session is not on at `now` (when given)                 → wrong-session (not-now)
 *  6. already admitted to this session and not undone             → already-in
 *  7. genuine but not in this device's roster                     → valid-not-in-roster
 *  8. otherwise                                                   → admitted
 * already-in comes before valid-not-in-roster so that one ticket shared as a screenshot admits
 * one person, even when the roster on this tablet is older than the registration.
 * The ticket's own (signed) wave is used throughout: it may be newer than the roster.
 */
export async function decideVerdict(input: VerdictInput): Promise<Verdict> {
  const checked = await checkTicketText(input.text, input.keys);
  return 'kind' in checked ? checked : judgeTicket(checked.payload, input);
}

/** What the signature check alone says: the genuine payload, or the verdict that ends it here. */
export type TicketCheck =
  { payload: TicketPayload } | Extract<Verdict, { kind: 'not-a-ticket' | 'forged' }>;

/**
 * Steps 1–2 of decideVerdict, apart: the signature check uses WebCrypto, which cannot run inside
 * an IndexedDB transaction, so the door checks first and judges inside its write transaction.
 */
export async function checkTicketText(
  text: string,
  keys: readonly EventPublicKey[],
): Promise<TicketCheck> {
  const verified = await verifyTicket(text, keys);
  if (verified.ok) return { payload: verified.payload };
  return verified.reason === 'not-a-ticket'
    ? { kind: 'not-a-ticket', problem: verified.problem }
    : { kind: 'forged', problem: verified.problem, reason: verified.reason };
}

/** What judging a genuine ticket needs: decideVerdict's input without the text and keys. */
export type JudgeInput = Omit<VerdictInput, 'text' | 'keys'>;

/** What the door knows when a volunteer picks someone from the roster instead of scanning. */
export type ManualVerdictInput = JudgeInput & {
  participant: RosterEntry;
};

/**
 * The verdict for a check-in by hand (search by name or phone): the same rules from step 3 on,
 * applied to the roster's current ticket of that person. Its `ticket.kid` is empty: none was shown.
 */
export async function decideManualVerdict(input: ManualVerdictInput): Promise<Verdict> {
  const { participant } = input;
  const ticket: TicketPayload = {
    kid: '',
    participantId: participant.participantId,
    waveId: participant.waveId,
    version: participant.ticketVersion,
  };
  return judgeTicket(ticket, {
    ...input,
    roster: (id) => (id === participant.participantId ? participant : input.roster(id)),
  });
}

/** Steps 3–8 of decideVerdict for a ticket whose signature is already proven. */
export async function judgeTicket(ticket: TicketPayload, input: JudgeInput): Promise<Verdict> {
  const { participantId, waveId, version } = ticket;
  // Read together: over IndexedDB the three go out at once instead of one round trip after
  // another (the attendance is unused when an earlier rule ends the judging).
  const [participant, revokedVersion, record] = await Promise.all([
    input.roster(participantId),
    input.revocations(participantId),
    input.attendance(participantId, input.session.id),
  ]);

  if (participant?.status === 'cancelled') {
    return { kind: 'revoked', ticket, participantId, reason: 'cancelled' };
  }
  if (
    (revokedVersion !== undefined && version <= revokedVersion) ||
    (participant !== undefined && version < participant.ticketVersion)
  ) {
    return { kind: 'revoked', ticket, participantId, reason: 'reissued' };
  }

  const grace = input.grace ?? DEFAULT_SESSION_GRACE;
  if (!input.allowedWaveIds.includes(waveId)) {
    const [wave, session] = await Promise.all([
      input.waves(waveId),
      sessionOf(input, waveId, grace),
    ]);
    return { kind: 'wrong-wave', ticket, participant, waveId, wave, session };
  }

  const otherWave = waveId !== input.session.waveId;
  if (
    otherWave ||
    (input.now !== undefined && !isSessionCurrent(input.session, input.now, grace))
  ) {
    const [wave, session] = await Promise.all([
      input.waves(waveId),
      sessionOf(input, waveId, grace),
    ]);
    return {
      kind: 'wrong-session',
      ticket,
      participant,
      reason: otherWave ? 'other-wave' : 'not-now',
      // Same wave, wrong time: at worst this very session, which is still "when to come".
      session: session ?? (otherWave ? undefined : input.session),
      wave,
    };
  }

  if (record !== undefined) {
    return {
      kind: 'already-in',
      ticket,
      participant,
      eventId: record.firstEventId,
      at: record.at,
      door: record.door,
      deviceId: record.deviceId,
      volunteer: record.volunteer,
    };
  }
  if (participant === undefined)
    return { kind: 'valid-not-in-roster', ticket, participantId, waveId };
  return { kind: 'admitted', ticket, participant };
}

async function sessionOf(
  input: JudgeInput,
  waveId: string,
  grace: SessionGrace,
): Promise<SessionRef | undefined> {
  if (input.sessions === undefined) return undefined;
  return pickSession(await input.sessions(waveId), input.now, grace);
}

/** The participant a verdict is about, for the scan event; null when the text proved nobody. */
export function verdictParticipantId(verdict: Verdict): string | null {
  return 'ticket' in verdict ? verdict.ticket.participantId : null;
}
