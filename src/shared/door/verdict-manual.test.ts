import { beforeAll, describe, expect, it } from 'vitest';
import type { EventSigningKey } from '../ticket/crypto.js';
import { generateEventKey } from '../ticket/crypto.js';
import { decideManualVerdict, decideVerdict } from './verdict.js';
import { door, entry, ticketFor, w1day1, w2day1, wave2 } from './test-fixtures.js';

let key: EventSigningKey;
beforeAll(async () => {
  key = await generateEventKey();
});

/** The lookups of a door without the scanned text, for a check-in by hand. */
function manual(options: Parameters<typeof door>[0], p: ReturnType<typeof entry>) {
  const { text: _text, keys: _keys, ...rest } = door(options)('');
  return decideManualVerdict({ ...rest, participant: p });
}

describe('decideManualVerdict: a check-in picked from the roster', () => {
  it('admits someone on the roster with no ticket shown, and says the same as their ticket would', async () => {
    const p = entry();
    const byHand = await manual({ key, roster: [p] }, p);
    const byTicket = await decideVerdict(door({ key, roster: [p] })(await ticketFor(key, p)));
    expect(byHand.kind).toBe('admitted');
    expect(byTicket.kind).toBe('admitted');
    if (byHand.kind === 'admitted') {
      expect(byHand.participant).toEqual(p);
      expect(byHand.ticket.kid).toBe('');
    }
  });

  it('says already-in with the first admission when they are in', async () => {
    const p = entry();
    const at = Date.parse('2026-12-08T08:05:00+07:00');
    const first = {
      firstEventId: 'E1',
      at,
      door: 'Pintu Timur',
      deviceId: 'DEV-2',
      volunteer: 'Rina',
      admissions: 1,
      flagged: false,
    };
    const v = await manual(
      { key, roster: [p], attendance: { [p.participantId]: { [w1day1.id]: first } } },
      p,
    );
    expect(v).toMatchObject({ kind: 'already-in', door: 'Pintu Timur', at, volunteer: 'Rina' });
  });

  it('refuses a cancelled registration as revoked', async () => {
    const p = entry({ status: 'cancelled' });
    expect((await manual({ key, roster: [p] }, p)).kind).toBe('revoked');
  });

  it('sends someone of a wave this door does not take to where and when they should go', async () => {
    const p = entry({ waveId: wave2.id });
    const v = await manual({ key, roster: [p] }, p);
    expect(v).toMatchObject({ kind: 'wrong-wave', waveId: wave2.id, wave: wave2, session: w2day1 });
  });

  it('says wrong-session when this session is not on now', async () => {
    const p = entry();
    const v = await manual({ key, roster: [p], now: Date.parse('2026-12-20T08:00:00+07:00') }, p);
    expect(v).toMatchObject({ kind: 'wrong-session', reason: 'not-now' });
  });
});
