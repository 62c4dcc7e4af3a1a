// The console applies live scans to the roster summary itself (shared/api/attendance-summary-
// delta.ts). Whenever it does not ask for a re-read, the result must equal the server's summary
// after the same scan — checked on random scan sequences against attendanceSummary.
import { describe, expect, it } from 'vitest';
import type { AttendanceSummary } from '../shared/api/attendance-summary.js';
import { applyLiveScan } from '../shared/api/attendance-summary-delta.js';
import type { EventDetail } from '../shared/api/schemas.js';
import { createAttendanceState } from '../shared/door/attendance.js';
import type { ScanEvent, ScanEventKind } from '../shared/door/types.js';
import { mulberry32 } from '../shared/random.js';
import type { RosterPerson } from './scans/summary.js';
import { attendanceSummary } from './scans/summary.js';

const T0 = Date.UTC(2026, 11, 8, 1, 0, 0);
const session = (id: string, waveId: string) => ({
  id,
  waveId,
  name: `Sesi ${id}`,
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
});
const wave = (id: string, sessions: string[]) => ({
  id,
  eventId: 'E',
  name: `Gelombang ${id}`,
  venue: 'Aula',
  address: 'Jl. Maruga',
  mapUrl: null,
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
  sessions: sessions.map((s) => session(s, id)),
  participantCount: 0,
});
const event: EventDetail = {
  id: 'E',
  name: 'Acara',
  createdAt: '2026-12-01T00:00:00Z',
  participantCount: 0,
  waves: [wave('W1', ['S1', 'S2']), wave('W2', ['S3'])],
};
const roster: RosterPerson[] = Array.from({ length: 12 }, (_, i) => ({
  id: `P${i}`,
  waveId: i < 8 ? 'W1' : 'W2',
  name: `Peserta ${String.fromCharCode(76 - i)}`,
  business: `Usaha ${i}`,
  phone: `+62812000000${String(i).padStart(2, '0')}`,
  status: i === 3 ? 'cancelled' : 'active',
}));
const KINDS: ScanEventKind[] = [
  'check-in',
  'check-in',
  'check-in',
  're-entry',
  'override',
  'walk-in',
  'undo',
];

const comparable = (s: AttendanceSummary) => ({ ...s, cursor: 0, serverTime: '' });

describe('applyLiveScan', () => {
  it('equals the server summary whenever it does not ask for a re-read', () => {
    let applied = 0;
    let resyncs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const events: ScanEvent[] = [];
      const summaryOf = () =>
        attendanceSummary({ event, state: createAttendanceState(events), cursor: 0 }, roster);
      let shown = summaryOf();
      for (let i = 0; i < 25; i++) {
        const kind = pick(KINDS);
        const deviceTime = T0 + Math.floor(random() * 3 * 3_600_000);
        const e: ScanEvent = {
          id: `X${seed}-${String(i).padStart(3, '0')}`,
          deviceId: 'D1',
          deviceSeq: i,
          participantId: kind === 'walk-in' ? null : pick(roster).id,
          sessionId: pick(['S1', 'S2', 'S3']),
          kind,
          deviceTime,
          correctedTime: deviceTime + 60_000,
          volunteer: 'Sari',
          door: pick(['Pintu A', 'Pintu B']),
          verdict: kind === 'undo' ? null : random() < 0.2 ? 'already-in' : 'admitted',
        };
        if (kind === 'undo' && events.length) e.undoes = pick(events).id;
        if (kind === 'walk-in') e.walkIn = { name: 'Tamu', business: 'Warung', phone: '0812' };
        events.push(e);
        const result = applyLiveScan(shown, {
          ...e,
          receivedAt: 0,
          correctedTime: new Date(e.correctedTime!).toISOString(),
        });
        const server = summaryOf();
        if (result.resync) {
          resyncs += 1;
          shown = server;
        } else {
          applied += 1;
          expect(comparable(result.summary)).toEqual(comparable(server));
          shown = result.summary;
        }
      }
    }
    // Both paths were taken many times (these sequences repeat people far more than a real door).
    expect(applied).toBeGreaterThan(200);
    expect(resyncs).toBeGreaterThan(200);
  });
});
