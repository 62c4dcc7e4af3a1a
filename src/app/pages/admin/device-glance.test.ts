import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../../shared/api/door';
import { deviceGlance, spanWords } from './device-glance';

const NOW = Date.UTC(2026, 11, 8, 3, 0, 0);
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

function tablet(over: Partial<DeviceInfo> = {}): DeviceInfo {
  return {
    id: 'D1',
    eventId: 'E1',
    name: 'Tablet 1',
    door: 'Pintu Timur',
    waveIds: [],
    createdAt: iso(NOW - 60 * MIN),
    lastSeenAt: iso(NOW - 2 * MIN),
    revokedAt: null,
    serverMinusDeviceMs: 0,
    report: null,
    ...over,
  };
}

const report = (over: Partial<NonNullable<DeviceInfo['report']>> = {}) => ({
  reportedAt: iso(NOW - 2 * MIN),
  unsynced: 0,
  oldestUnsyncedAt: null,
  rosterVersion: 'v1',
  appVersion: '0.1.0',
  serverMinusDeviceMs: 0,
  storagePersisted: true,
  ...over,
});

describe('a tablet at a glance', () => {
  it('is quiet when synced and seen lately', () => {
    const g = deviceGlance(tablet({ report: report() }), NOW);
    expect(g).toMatchObject({ stale: false, clockWrong: false, unsynced: 0, oldestWaitMs: null });
  });

  it('is highlighted when it holds unsynced scans and was not seen for 10 minutes', () => {
    const held = report({
      reportedAt: iso(NOW - 11 * MIN),
      unsynced: 4,
      oldestUnsyncedAt: iso(NOW - 30 * MIN),
    });
    const g = deviceGlance(tablet({ lastSeenAt: iso(NOW - 11 * MIN), report: held }), NOW);
    expect(g.stale).toBe(true);
    expect(g.oldestWaitMs).toBe(30 * MIN);
    // Seen 9 minutes ago: not yet.
    const recent = report({ reportedAt: iso(NOW - 9 * MIN), unsynced: 4 });
    expect(
      deviceGlance(tablet({ lastSeenAt: iso(NOW - 9 * MIN), report: recent }), NOW).stale,
    ).toBe(false);
    // Nothing held: not stale however long ago.
    expect(
      deviceGlance(
        tablet({
          lastSeenAt: iso(NOW - 60 * MIN),
          report: report({ reportedAt: iso(NOW - 60 * MIN) }),
        }),
        NOW,
      ).stale,
    ).toBe(false);
    // A revoked tablet is not chased.
    expect(
      deviceGlance(
        tablet({ revokedAt: iso(NOW), lastSeenAt: iso(NOW - 60 * MIN), report: held }),
        NOW,
      ).stale,
    ).toBe(false);
  });

  it('calls a clock off by more than two minutes wrong, preferring the tablet’s own estimate', () => {
    expect(
      deviceGlance(tablet({ report: report({ serverMinusDeviceMs: 3 * MIN }) }), NOW).clockWrong,
    ).toBe(true);
    expect(
      deviceGlance(tablet({ report: report({ serverMinusDeviceMs: -90_000 }) }), NOW).clockWrong,
    ).toBe(false);
    expect(
      deviceGlance(tablet({ serverMinusDeviceMs: -5 * MIN, report: null }), NOW).clockWrong,
    ).toBe(true);
    expect(
      deviceGlance(tablet({ serverMinusDeviceMs: null, report: null }), NOW).clockOffsetMs,
    ).toBeNull();
  });

  it('puts the oldest scan on the server clock before measuring its wait', () => {
    // The tablet runs 10 minutes slow: its "20 minutes ago" was 10 minutes ago.
    const r = report({
      unsynced: 1,
      oldestUnsyncedAt: iso(NOW - 20 * MIN),
      serverMinusDeviceMs: 10 * MIN,
    });
    expect(deviceGlance(tablet({ report: r }), NOW).oldestWaitMs).toBe(10 * MIN);
  });

  it('words spans in minutes, then hours', () => {
    expect(spanWords(20_000, 'id')).toBe('kurang dari 1 menit');
    expect(spanWords(12 * MIN, 'id')).toBe('12 menit');
    expect(spanWords(-3 * MIN, 'en')).toBe('3 min');
    expect(spanWords(180 * MIN, 'id')).toBe('3 jam');
  });
});
