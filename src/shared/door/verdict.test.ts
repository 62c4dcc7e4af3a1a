import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { EventSigningKey } from '../ticket/crypto.js';
import type { AttendanceRecord } from './types.js';
import { generateEventKey } from '../ticket/crypto.js';
import { newParticipantId } from '../base32.js';
import { decideVerdict, verdictParticipantId } from './verdict.js';
import { door, entry, ticketFor, w1day1, w1day2, w2day1, wave1, wave2 } from './test-fixtures.js';

let key: EventSigningKey;
let otherEventKey: EventSigningKey;
beforeAll(async () => {
  [key, otherEventKey] = await Promise.all([generateEventKey(), generateEventKey()]);
});

const record = (change: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  firstEventId: 'EVT-1',
  at: Date.parse('2026-12-08T08:12:00+07:00'),
  door: 'Pintu Timur',
  deviceId: 'DEV-2',
  volunteer: 'Rina',
  admissions: 1,
  flagged: false,
  ...change,
});

describe('decideVerdict: the ticket itself', () => {
  it('says not-a-ticket for random text, never throwing', async () => {
    const input = door({ key });
    for (const text of ['', 'hello', 'https://example.org/', 'H1.AAAA.BBBB', '4006381333931']) {
      const v = await decideVerdict(input(text));
      expect(v.kind, text).toBe('not-a-ticket');
      if (v.kind === 'not-a-ticket') expect(v.problem.code).toBe('not-a-ticket');
      expect(verdictParticipantId(v)).toBeNull();
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expect((await decideVerdict(input(text))).kind).toBe('not-a-ticket');
      }),
      { numRuns: 200 },
    );
  });

  it('says forged (unknown-key) for a ticket signed by another event', async () => {
    const p = entry();
    const v = await decideVerdict(door({ key, roster: [p] })(await ticketFor(otherEventKey, p)));
    expect(v).toMatchObject({ kind: 'forged', reason: 'unknown-key' });
    if (v.kind === 'forged') expect(v.problem.code).toBe('unknown-key');
    expect(verdictParticipantId(v)).toBeNull();
  });

  it('says forged (bad-signature) when one signature character is changed', async () => {
    const p = entry();
    const token = await ticketFor(key, p);
    const at = token.lastIndexOf('.') + 20; // well inside the signature, away from padding bits
    const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    const v = await decideVerdict(door({ key, roster: [p] })(changed));
    expect(v).toMatchObject({ kind: 'forged', reason: 'bad-signature' });
  });

  it('says forged when a payload is re-signed with another key under our kid', async () => {
    const p = entry();
    const impostor = { ...otherEventKey, kid: key.kid };
    const v = await decideVerdict(door({ key, roster: [p] })(await ticketFor(impostor, p)));
    expect(v).toMatchObject({ kind: 'forged', reason: 'bad-signature' });
  });
});

describe('decideVerdict: revoked', () => {
  it('refuses a cancelled participant', async () => {
    const p = entry({ status: 'cancelled' });
    const v = await decideVerdict(door({ key, roster: [p] })(await ticketFor(key, p)));
    expect(v).toMatchObject({
      kind: 'revoked',
      participantId: p.participantId,
      reason: 'cancelled',
    });
  });

  it('refuses an old version once the ticket was re-issued (roster knows the new version)', async () => {
    const p = entry({ ticketVersion: 2 });
    const old = await ticketFor(key, p, { version: 1 });
    const v = await decideVerdict(door({ key, roster: [p] })(old));
    expect(v).toMatchObject({ kind: 'revoked', reason: 'reissued' });
  });

  it('refuses versions up to the revoked one from the revocation list alone', async () => {
    const p = entry({ ticketVersion: 1 });
    const input = door({ key, roster: [p], revoked: { [p.participantId]: 1 } });
    for (const version of [0, 1]) {
      const v = await decideVerdict(input(await ticketFor(key, p, { version })));
      expect(v, `version ${version}`).toMatchObject({ kind: 'revoked', reason: 'reissued' });
    }
    // The re-issued ticket (newer than the roster on this tablet) is fine.
    const v = await decideVerdict(input(await ticketFor(key, p, { version: 2 })));
    expect(v).toMatchObject({ kind: 'admitted', participant: p });
  });

  it('refuses a revoked ticket of someone not in the roster', async () => {
    const id = newParticipantId();
    const stranger = { participantId: id, waveId: wave1.id, ticketVersion: 3 };
    const v = await decideVerdict(
      door({ key, revoked: { [id]: 3 } })(await ticketFor(key, stranger)),
    );
    expect(v).toMatchObject({ kind: 'revoked', participantId: id, reason: 'reissued' });
  });

  it('comes before wrong-wave, wrong-session and already-in', async () => {
    const p = entry({ waveId: wave2.id, status: 'cancelled' });
    const input = door({
      key,
      roster: [p],
      attendance: { [p.participantId]: { [w1day1.id]: record() } },
    });
    const v = await decideVerdict(input(await ticketFor(key, p)));
    expect(v.kind).toBe('revoked');
  });
});

describe('decideVerdict: wrong wave and wrong session', () => {
  it('sends someone of a wave this door does not serve to their wave and session', async () => {
    const p = entry({ waveId: wave2.id });
    const v = await decideVerdict(door({ key, roster: [p] })(await ticketFor(key, p)));
    expect(v).toMatchObject({
      kind: 'wrong-wave',
      participant: p,
      waveId: wave2.id,
      wave: wave2,
      session: w2day1,
    });
  });

  it('still says wrong-wave when this device knows neither the person nor their wave', async () => {
    const stranger = { participantId: newParticipantId(), waveId: 'WAVEZZZZ', ticketVersion: 0 };
    const v = await decideVerdict(door({ key })(await ticketFor(key, stranger)));
    expect(v).toMatchObject({ kind: 'wrong-wave', waveId: 'WAVEZZZZ' });
    if (v.kind === 'wrong-wave') {
      expect(v.participant).toBeUndefined();
      expect(v.wave).toBeUndefined();
      expect(v.session).toBeUndefined();
    }
    expect(verdictParticipantId(v)).toBe(stranger.participantId);
  });

  it('says wrong-session when the door serves their wave but this session is another wave’s', async () => {
    const p = entry({ waveId: wave2.id });
    const input = door({ key, roster: [p], allowedWaveIds: [wave1.id, wave2.id] });
    const v = await decideVerdict(input(await ticketFor(key, p)));
    expect(v).toMatchObject({
      kind: 'wrong-session',
      reason: 'other-wave',
      participant: p,
      session: w2day1,
      wave: wave2,
    });
  });

  it('uses the ticket’s signed wave even when the roster on this tablet is older', async () => {
    const p = entry({ waveId: wave1.id, ticketVersion: 1 });
    const moved = await ticketFor(key, p, { waveId: wave2.id, version: 2 });
    const v = await decideVerdict(door({ key, roster: [p] })(moved));
    expect(v).toMatchObject({ kind: 'wrong-wave', waveId: wave2.id });
  });

  it('without a sessions lookup, wrong-session names no session', async () => {
    const p = entry({ waveId: wave2.id });
    const input = door({ key, roster: [p], allowedWaveIds: [wave1.id, wave2.id] });
    const v = await decideVerdict({ ...input(await ticketFor(key, p)), sessions: undefined });
    expect(v).toMatchObject({ kind: 'wrong-session', reason: 'other-wave' });
    if (v.kind === 'wrong-session') expect(v.session).toBeUndefined();
  });

  it('says wrong-session (not-now) when the door’s session is not on, naming the one that is', async () => {
    const p = entry();
    const token = await ticketFor(key, p);
    const day2Morning = Date.parse('2026-12-09T09:00:00+07:00');
    const v = await decideVerdict(door({ key, roster: [p], now: day2Morning })(token));
    expect(v).toMatchObject({ kind: 'wrong-session', reason: 'not-now', session: w1day2 });
    // A week early: their session is still the first one to come.
    const early = Date.parse('2026-12-01T09:00:00+07:00');
    const v2 = await decideVerdict(door({ key, roster: [p], now: early })(token));
    expect(v2).toMatchObject({ kind: 'wrong-session', reason: 'not-now', session: w1day1 });
  });

  it('lets the queue in from two hours before the start to half an hour after the end', async () => {
    const p = entry();
    const token = await ticketFor(key, p);
    const at = (iso: string) =>
      decideVerdict(door({ key, roster: [p], now: Date.parse(iso) })(token));
    expect((await at('2026-12-08T06:00:00+07:00')).kind).toBe('admitted');
    expect((await at('2026-12-08T12:30:00+07:00')).kind).toBe('admitted');
    expect((await at('2026-12-08T05:59:00+07:00')).kind).toBe('wrong-session');
    expect((await at('2026-12-08T12:31:00+07:00')).kind).toBe('wrong-session');
    const narrow = { beforeMs: 0, afterMs: 0 };
    const v = await decideVerdict({
      ...door({ key, roster: [p], now: Date.parse('2026-12-08T07:59:00+07:00') })(token),
      grace: narrow,
    });
    expect(v.kind).toBe('wrong-session');
  });
});

describe('decideVerdict: already-in, valid-not-in-roster, admitted', () => {
  it('says already-in with when, which door, which device and which volunteer', async () => {
    const p = entry();
    const r = record({ firstEventId: 'EVT-9', volunteer: 'Rina', deviceId: 'DEV-2' });
    const input = door({ key, roster: [p], attendance: { [p.participantId]: { [w1day1.id]: r } } });
    const v = await decideVerdict(input(await ticketFor(key, p)));
    expect(v).toMatchObject({
      kind: 'already-in',
      participant: p,
      eventId: 'EVT-9',
      at: r.at,
      door: 'Pintu Timur',
      deviceId: 'DEV-2',
      volunteer: 'Rina',
    });
  });

  it('admits the same person to another session of their wave', async () => {
    const p = entry();
    const input = door({
      key,
      roster: [p],
      session: w1day2,
      attendance: { [p.participantId]: { [w1day1.id]: record() } },
    });
    expect((await decideVerdict(input(await ticketFor(key, p)))).kind).toBe('admitted');
  });

  it('admits and flags a genuine ticket of someone registered after the roster download', async () => {
    const id = newParticipantId();
    const newcomer = { participantId: id, waveId: wave1.id, ticketVersion: 0 };
    const v = await decideVerdict(door({ key, roster: [entry()] })(await ticketFor(key, newcomer)));
    expect(v).toMatchObject({ kind: 'valid-not-in-roster', participantId: id, waveId: wave1.id });
    expect(verdictParticipantId(v)).toBe(id);
  });

  it('admits one person per not-in-roster ticket: a shared screenshot gets already-in', async () => {
    const id = newParticipantId();
    const newcomer = { participantId: id, waveId: wave1.id, ticketVersion: 0 };
    const input = door({ key, attendance: { [id]: { [w1day1.id]: record() } } });
    const v = await decideVerdict(input(await ticketFor(key, newcomer)));
    expect(v.kind).toBe('already-in');
    if (v.kind === 'already-in') expect(v.participant).toBeUndefined();
  });

  it('admits a genuine, current ticket of an active participant, from a link or lower case too', async () => {
    const p = entry();
    const token = await ticketFor(key, p);
    const input = door({ key, roster: [p] });
    for (const text of [
      token,
      `https://hadir.example.org/t#${token}`,
      ` ${token.toLowerCase()}\n`,
    ]) {
      const v = await decideVerdict(input(text));
      expect(v).toMatchObject({ kind: 'admitted', participant: p });
      if (v.kind === 'admitted') {
        expect(v.ticket).toEqual({
          kid: key.kid,
          participantId: p.participantId,
          waveId: p.waveId,
          version: p.ticketVersion,
        });
      }
    }
  });

  it('reads each lookup once, by key, and accepts async lookups (IndexedDB)', async () => {
    const p = entry();
    const base = door({ key, roster: [p] })(await ticketFor(key, p));
    const roster = vi.fn(async (id: string) => (id === p.participantId ? p : undefined));
    const revocations = vi.fn(async () => undefined);
    const attendance = vi.fn(async () => undefined);
    const v = await decideVerdict({ ...base, roster, revocations, attendance });
    expect(v.kind).toBe('admitted');
    expect(roster.mock.calls).toEqual([[p.participantId]]);
    expect(revocations.mock.calls).toEqual([[p.participantId]]);
    expect(attendance.mock.calls).toEqual([[p.participantId, w1day1.id]]);
  });
});
