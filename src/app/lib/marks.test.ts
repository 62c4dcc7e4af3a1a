// Start-up marks a worker reports late (markAt): the earliest time given is the one kept, and a
// mark made on the spot counts as given.
import { describe, expect, it } from 'vitest';
import { markAt, markOnce } from './marks';

const times = (name: string) =>
  performance.getEntriesByName(`hadir:${name}`, 'mark').map((m) => m.startTime);

describe('markAt', () => {
  it('keeps the earliest time reported, one mark per name', () => {
    const now = performance.now();
    markAt('test-late', now - 5);
    markAt('test-late', now - 2); // later: ignored
    expect(times('test-late')).toEqual([now - 5]);
    markAt('test-late', now - 9);
    expect(times('test-late')).toEqual([now - 9]);
  });

  it('replaces a mark made on the spot by an earlier report, never by a later one', () => {
    markOnce('test-spot');
    const [spot] = times('test-spot');
    markAt('test-spot', spot! + 10);
    expect(times('test-spot')).toEqual([spot]);
    markAt('test-spot', spot! - 10);
    expect(times('test-spot')).toEqual([spot! - 10]);
    markOnce('test-spot'); // a mark made once stays made
    expect(times('test-spot')).toEqual([spot! - 10]);
  });
});
