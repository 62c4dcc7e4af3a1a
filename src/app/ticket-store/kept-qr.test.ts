import { describe, expect, it } from 'vitest';
import { getKeptQr, keepQr } from './kept-qr';

function memoryStore() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => m.set(k, v),
  };
}

describe('kept QR drawings', () => {
  it('returns what was kept for the same token only', () => {
    const store = memoryStore();
    keepQr('H1.A', { path: 'M4 4h1v1h-1z', modules: 33 }, store);
    expect(getKeptQr('H1.A', store)).toEqual({ path: 'M4 4h1v1h-1z', modules: 33 });
    expect(getKeptQr('H1.B', store)).toBeNull();
  });

  it('keeps the newest eight', () => {
    const store = memoryStore();
    for (let i = 0; i < 10; i++) keepQr(`T${i}`, { path: `p${i}`, modules: 21 }, store);
    expect(getKeptQr('T0', store)).toBeNull();
    expect(getKeptQr('T1', store)).toBeNull();
    expect(getKeptQr('T9', store)?.path).toBe('p9');
    expect(getKeptQr('T2', store)?.path).toBe('p2');
  });

  it('treats damaged storage as empty, and a missing store as nothing kept', () => {
    const store = memoryStore();
    store.setItem('hadir.qr.v1', '{oops');
    expect(getKeptQr('T', store)).toBeNull();
    store.setItem('hadir.qr.v1', JSON.stringify([['T', { path: 1 }]]));
    expect(getKeptQr('T', store)).toBeNull();
    keepQr('T', { path: 'p', modules: 21 }, null);
    expect(getKeptQr('T', null)).toBeNull();
  });
});
