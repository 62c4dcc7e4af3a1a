// Test-only helpers: a small programme (two waves, three sessions), real event keys and a
// door whose lookups are Maps, as the app's will be once the roster is loaded.
import type { EventPublicKey, EventSigningKey } from '../ticket/crypto.js';
import type { AttendanceRecord, RosterEntry, ScanEvent, SessionRef, WaveRef } from './types.js';
import type { VerdictInput } from './verdict.js';
import { newParticipantId } from '../base32.js';
import { signTicket } from '../ticket/crypto.js';

/** The public half of a signing key: all a door holds. */
export const publicOf = (k: EventSigningKey): EventPublicKey => ({
  kid: k.kid,
  publicKey: k.publicKey,
});

export const wave1: WaveRef = {
  id: 'WAVEAAAA',
  name: 'Gelombang 1',
  venue: 'Aula Blandongan, Puspemkot Tangsel',
  address: 'Jl. Maruga Raya No. 1, Ciputat',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-09T16:00:00+07:00',
};
export const wave2: WaveRef = {
  id: 'WAVEBBBB',
  name: 'Gelombang 2',
  venue: 'Balaikota Tangsel',
  address: 'Jl. Maruga Raya No. 1, Ciputat',
  startsAt: '2026-12-15T08:00:00+07:00',
  endsAt: '2026-12-15T16:00:00+07:00',
};
export const w1day1: SessionRef = {
  id: 'S1D1',
  waveId: wave1.id,
  name: 'Hari 1',
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T12:00:00+07:00',
};
export const w1day2: SessionRef = {
  id: 'S1D2',
  waveId: wave1.id,
  name: 'Hari 2',
  startsAt: '2026-12-09T08:00:00+07:00',
  endsAt: '2026-12-09T12:00:00+07:00',
};
export const w2day1: SessionRef = {
  id: 'S2D1',
  waveId: wave2.id,
  name: 'Hari 1',
  startsAt: '2026-12-15T08:00:00+07:00',
  endsAt: '2026-12-15T12:00:00+07:00',
};

/** A roster entry in wave 1 with a fresh id. */
export function entry(change: Partial<RosterEntry> = {}): RosterEntry {
  return {
    participantId: newParticipantId(),
    name: 'Siti Aminah',
    business: 'Keripik Tempe Bu Siti',
    waveId: wave1.id,
    phoneLast4: '7788',
    ticketVersion: 1,
    status: 'active',
    ...change,
  };
}

/** A genuine ticket for a roster entry (its wave and version unless told otherwise). */
export function ticketFor(
  key: EventSigningKey,
  p: Pick<RosterEntry, 'participantId' | 'waveId' | 'ticketVersion'>,
  change: { waveId?: string; version?: number } = {},
): Promise<string> {
  return signTicket(
    {
      kid: key.kid,
      participantId: p.participantId,
      waveId: change.waveId ?? p.waveId,
      version: change.version ?? p.ticketVersion,
    },
    key,
  );
}

/** What a door holds, as Maps; `input(text)` builds the VerdictInput for one scan. */
export function door(options: {
  key: EventSigningKey;
  roster?: RosterEntry[];
  revoked?: Record<string, number>;
  attendance?: Record<string, Record<string, AttendanceRecord>>;
  session?: SessionRef;
  allowedWaveIds?: string[];
  now?: number;
}) {
  const roster = new Map((options.roster ?? []).map((e) => [e.participantId, e]));
  const revoked = new Map(Object.entries(options.revoked ?? {}));
  const waves = new Map([wave1, wave2].map((w) => [w.id, w]));
  const sessions = new Map<string, SessionRef[]>([
    [wave1.id, [w1day2, w1day1]],
    [wave2.id, [w2day1]],
  ]);
  return (text: string): VerdictInput => ({
    text,
    keys: [publicOf(options.key)],
    roster: (id) => roster.get(id),
    revocations: (id) => revoked.get(id),
    attendance: (id, sessionId) => options.attendance?.[id]?.[sessionId],
    session: options.session ?? w1day1,
    waves: (id) => waves.get(id),
    sessions: (id) => sessions.get(id) ?? [],
    allowedWaveIds: options.allowedWaveIds ?? [wave1.id],
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

let seq = 0;
/** A scan event with sensible defaults; ids are time-ordered like the app's. */
export function scan(change: Partial<ScanEvent> = {}): ScanEvent {
  seq += 1;
  const deviceTime = change.deviceTime ?? Date.parse('2026-12-08T08:12:00+07:00') + seq;
  return {
    id: `${deviceTime.toString(36).padStart(10, '0')}-${seq}`,
    deviceId: 'DEV-EAST-2',
    deviceSeq: seq,
    participantId: 'PPPPPPPPPPPPPPPP',
    sessionId: w1day1.id,
    kind: 'check-in',
    deviceTime,
    volunteer: 'Rina',
    door: 'Pintu Timur',
    verdict: 'admitted',
    ...change,
  };
}
