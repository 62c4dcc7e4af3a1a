import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HadirDb } from './database';
import { getPersistenceAnswer, requestPersistence, storageEstimate } from './storage';
import { freshDb } from './test-helpers';

let db: HadirDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('requestPersistence', () => {
  it('asks once and remembers the answer', async () => {
    db = freshDb('storage');
    const persist = vi.fn(async () => true);
    const storage = { persist, persisted: async () => false };
    expect(await requestPersistence({ storage, db })).toEqual({ persisted: true, supported: true });
    expect(persist).toHaveBeenCalledOnce();
    expect(await getPersistenceAnswer(db)).toEqual({ persisted: true, supported: true });
  });

  it('does not ask again when already persisted', async () => {
    const persist = vi.fn(async () => false);
    const answer = await requestPersistence({ storage: { persist, persisted: async () => true } });
    expect(answer).toEqual({ persisted: true, supported: true });
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, a failure, and a browser without the API', async () => {
    expect(await requestPersistence({ storage: { persist: async () => false } })).toEqual({
      persisted: false,
      supported: true,
    });
    const failing = { persist: () => Promise.reject(new Error('denied')) };
    expect(await requestPersistence({ storage: failing })).toEqual({
      persisted: false,
      supported: true,
    });
    expect(await requestPersistence({ storage: null })).toEqual({
      persisted: false,
      supported: false,
    });
    db = freshDb('storage');
    expect(await getPersistenceAnswer(db)).toBeNull();
  });
});

describe('storageEstimate', () => {
  it('gives usage and quota, or null where unknown', async () => {
    expect(await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull();
    expect(await storageEstimate({ estimate: () => Promise.reject(new Error('x')) })).toBeNull();
    expect(await storageEstimate(null)).toBeNull();
  });
});
