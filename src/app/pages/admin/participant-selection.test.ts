import { describe, expect, it } from 'vitest';
import { pageSelectionState, withSelected } from './participant-selection';

describe('participant selection', () => {
  it('ticks and unticks, keeping what other pages ticked', () => {
    const a = withSelected(new Set(['X']), ['A', 'B'], true);
    expect([...a].sort()).toEqual(['A', 'B', 'X']);
    expect([...withSelected(a, ['A'], false)].sort()).toEqual(['B', 'X']);
  });
  it('stops at 500, what one badge sheet prints', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `P${i}`);
    expect(withSelected(new Set(), ids, true).size).toBe(500);
  });
  it('says whether the page is all, partly or not ticked', () => {
    const sel = new Set(['A']);
    expect(pageSelectionState(sel, ['A'])).toBe('all');
    expect(pageSelectionState(sel, ['A', 'B'])).toBe('some');
    expect(pageSelectionState(sel, ['B'])).toBe('none');
    expect(pageSelectionState(sel, [])).toBe('none');
  });
});
