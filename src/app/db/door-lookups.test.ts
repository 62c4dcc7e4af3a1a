// The storage and the pure door core together: a genuine ticket admits once, then reads
// already-in; an undo makes it admit again; a re-issued version reads revoked.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HadirDb } from './database';
import type { SessionRef } from './types';
import { newParticipantId, newWaveId } from '../../shared/base32';
import { decideVerdict, verdictParticipantId } from '../../shared/door/verdict';
import { generateEventKey, signTicket } from '../../shared/ticket/crypto';
import { doorLookups } from './door-lookups';
import { getKeys, saveManifest } from './manifest';
import { saveRosterChunk } from './roster';
import { recordScan, recordUndo } from './scans';
import { device, freshDb } from './test-helpers';

let db: HadirDb;
afterEach(() => db?.delete());

describe('doorLookups', () => {
  it('feeds decideVerdict from IndexedDB', async () => {
    db = freshDb('door');
    const key = await generateEventKey();
    const waveId = newWaveId();
    const participantId = newParticipantId();
    const session: SessionRef = {
      id: 'S1',
      waveId,
      name: 'Pagi',
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-08T12:00:00+07:00',
    };
    await saveManifest(db, {
      device: device({ waveIds: [waveId] }),
      keys: [{ kid: key.kid, publicKey: key.publicKey }],
      sessions: [session],
      revocations: [],
    });
    await saveRosterChunk(
      db,
      [
        {
          participantId,
          name: 'Siti Aminah',
          business: 'Keripik Bu Siti',
          waveId,
          phoneLast4: '7890',
          ticketVersion: 2,
          status: 'active',
        },
      ],
      participantId,
    );
    const ticket = (version: number) =>
      signTicket({ kid: key.kid, participantId, waveId, version }, key);
    const scan = async (text: string) => {
      const verdict = await decideVerdict({
        text,
        keys: await getKeys(db),
        session,
        allowedWaveIds: [waveId],
        ...doorLookups(db),
      });
      const event = await recordScan(db, {
        participantId: verdictParticipantId(verdict),
        sessionId: session.id,
        kind: 'check-in',
        verdict: verdict.kind,
      });
      return { verdict: verdict.kind, event };
    };

    const first = await scan(await ticket(2));
    expect(first.verdict).toBe('admitted');
    expect((await scan(await ticket(2))).verdict).toBe('already-in');
    await recordUndo(db, { undoes: first.event.id });
    expect((await scan(await ticket(2))).verdict).toBe('admitted');
    expect((await scan(await ticket(1))).verdict).toBe('revoked');
    expect((await scan('hello')).verdict).toBe('not-a-ticket');
  });
});
