import { describe, expect, it } from 'vitest';
import { isSessionCurrent, pickSession } from './session-time.js';
import { w1day1, w1day2 } from './test-fixtures.js';

const t = (iso: string) => Date.parse(iso);

describe('isSessionCurrent', () => {
  it('is on from two hours before the start to half an hour after the end', () => {
    expect(isSessionCurrent(w1day1, t('2026-12-08T06:00:00+07:00'))).toBe(true);
    expect(isSessionCurrent(w1day1, t('2026-12-08T05:59:59+07:00'))).toBe(false);
    expect(isSessionCurrent(w1day1, t('2026-12-08T12:30:00+07:00'))).toBe(true);
    expect(isSessionCurrent(w1day1, t('2026-12-08T12:30:01+07:00'))).toBe(false);
    expect(
      isSessionCurrent(w1day1, t('2026-12-08T07:00:00+07:00'), { beforeMs: 0, afterMs: 0 }),
    ).toBe(false);
  });

  it('never turns the queue away because of unreadable session times', () => {
    expect(isSessionCurrent({ ...w1day1, startsAt: 'soon' }, 0)).toBe(true);
  });
});

describe('pickSession', () => {
  const both = [w1day2, w1day1];
  it('picks the session on now, else the next, else the last one held', () => {
    expect(pickSession(both, t('2026-12-08T09:00:00+07:00'))).toBe(w1day1);
    expect(pickSession(both, t('2026-12-08T20:00:00+07:00'))).toBe(w1day2);
    expect(pickSession(both, t('2026-12-01T09:00:00+07:00'))).toBe(w1day1);
    expect(pickSession(both, t('2027-01-01T09:00:00+07:00'))).toBe(w1day2);
  });

  it('without a time, the earliest; with no sessions, none', () => {
    expect(pickSession(both, undefined)).toBe(w1day1);
    expect(pickSession([], 0)).toBeUndefined();
  });
});
