import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventSigningKey } from '../../shared/ticket/crypto';
import { generateEventKey } from '../../shared/ticket/crypto';
import { countsAsAdmission } from '../../shared/door/attendance-rules';
import {
  entry,
  publicOf,
  ticketFor,
  w1day1,
  w2day1,
  wave1,
  wave2,
} from '../../shared/door/test-fixtures';
import type { HadirDb } from '../db';
import {
  lastCheckIn,
  listScans,
  markRosterComplete,
  saveManifest,
  saveRosterChunk,
  unsyncedCount,
} from '../db';
import { device, freshDb } from '../db/test-helpers';
import { canOverride, createScanFlow } from './scan-pipeline';

let key: EventSigningKey;
let db: HadirDb;
beforeAll(async () => {
  key = await generateEventKey();
});
afterEach(async () => {
  await db?.delete();
});

const NOW = Date.parse('2026-12-08T08:30:00+07:00');

async function door(roster = [entry(), entry({ waveId: wave2.id })]) {
  db = freshDb('flow');
  const paired = device({ waveIds: [wave1.id] });
  await saveManifest(db, {
    device: paired,
    waves: [wave1, wave2],
    sessions: [w1day1, w2day1],
    keys: [publicOf(key)],
    revocations: [],
  });
  await saveRosterChunk(db, roster, roster[roster.length - 1]!.participantId);
  await markRosterComplete(db);
  let t = NOW;
  const context = { device: paired, keys: [publicOf(key)], serverMinusDeviceMs: 0 };
  const flow = createScanFlow({ db, context: () => context, now: () => (t += 1000) });
  return { flow, roster };
}

describe('the door scan flow', () => {
  it('records every scan before answering, and a second showing later says already-in', async () => {
    const { flow, roster } = await door();
    const ticket = await ticketFor(key, roster[0]!);
    const first = await flow.scan(ticket, { session: w1day1, source: 'keyboard' });
    expect(first?.verdict?.kind).toBe('admitted');
    expect(first?.presentation.title.id).toBe('Silakan masuk');
    expect(await unsyncedCount(db)).toBe(1);
    const again = await flow.scan(ticket, { session: w1day1, source: 'keyboard' });
    expect(again?.verdict?.kind).toBe('already-in');
    expect(again?.presentation.detail.id).toContain('(Tablet 1, Rina)');
    const stored = await listScans(db);
    expect(stored.map((e) => e.verdict)).toEqual(['already-in', 'admitted']);
    expect(stored.every((e) => e.volunteer === 'Rina' && e.door === 'Pintu Utara')).toBe(true);
  });

  it('ignores the same code seen again by the camera within the cool-down', async () => {
    const { flow, roster } = await door();
    const ticket = await ticketFor(key, roster[0]!);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => flow.scan(ticket, { session: w1day1, source: 'camera' })),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await listScans(db)).toHaveLength(1);
  });

  it('judges concurrent scans of one ticket from two inputs one after the other', async () => {
    const { flow, roster } = await door();
    const ticket = await ticketFor(key, roster[0]!);
    const [a, b] = await Promise.all([
      flow.scan(ticket, { session: w1day1, source: 'keyboard' }),
      flow.scan(ticket, { session: w1day1, source: 'typed' }),
    ]);
    expect([a?.verdict?.kind, b?.verdict?.kind]).toEqual(['admitted', 'already-in']);
  });

  it('records refusals too, and lets a supervisor override them as a flagged event', async () => {
    const { flow, roster } = await door();
    const wrong = await flow.scan(await ticketFor(key, roster[1]!), {
      session: w1day1,
      source: 'camera',
    });
    expect(wrong?.verdict?.kind).toBe('wrong-wave');
    expect(countsAsAdmission(wrong!.event)).toBe(false);
    expect(canOverride(wrong!)).toBe(true);
    const allowed = await flow.override(wrong!, 'Pak Budi');
    expect(allowed.event).toMatchObject({ kind: 'override', flags: ['supervisor:Pak Budi'] });
    expect(countsAsAdmission(allowed.event)).toBe(true);
    expect(allowed.presentation.title.en).toBe('Let in by a supervisor');
    const junk = await flow.scan('https://example.org', { session: w1day1, source: 'camera' });
    expect(junk?.verdict?.kind).toBe('not-a-ticket');
    expect(junk?.event.participantId).toBeNull();
    expect(canOverride(junk!)).toBe(false);
  });

  it('checks in by hand (flagged), re-enters explicitly, and undoes with an undo event', async () => {
    const { flow, roster } = await door();
    const byHand = await flow.checkInByHand(roster[0]!, w1day1);
    expect(byHand.verdict?.kind).toBe('admitted');
    expect(byHand.event.flags).toEqual(['manual-search']);
    const again = await flow.checkInByHand(roster[0]!, w1day1);
    expect(again.verdict?.kind).toBe('already-in');
    const back = await flow.reEnter(again);
    expect(back.event.kind).toBe('re-entry');
    expect((await lastCheckIn(db))?.id).toBe(back.event.id);
    await flow.undo(back.event.id);
    expect((await lastCheckIn(db))?.id).toBe(byHand.event.id);
    expect((await listScans(db)).map((e) => e.kind)).toEqual([
      'undo',
      're-entry',
      'check-in',
      'check-in',
    ]);
  });

  it('registers a walk-in in the session wave, admitted and flagged', async () => {
    const { flow } = await door();
    const out = await flow.walkIn(
      { name: 'Wahyu', business: 'Kopi Wahyu', phone: '+628111' },
      w1day1,
    );
    expect(out.event).toMatchObject({ kind: 'walk-in', verdict: 'admitted', participantId: null });
    expect(out.event.walkIn?.waveId).toBe(wave1.id);
    expect(out.presentation.person).toBe('Wahyu · Kopi Wahyu');
  });
});
