import { describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../store/database.js';
import { storeKinds } from '../testing/stores.js';
import { createLiveHub, listenerName, notifyPayload } from './hub.js';

const inProcess = () => createLiveHub({ dialect: 'sqlite' } as unknown as Store);

describe('the in-process live hub', () => {
  it('passes the pushing device along, and nothing for an organizer’s change', async () => {
    const hub = inProcess();
    const heard: (string | null)[] = [];
    await hub.subscribe('E1', (origin) => heard.push(origin));
    await hub.announce('E1', 'DEVA');
    await hub.announce('E1');
    await hub.announce('E2', 'DEVB');
    expect(heard).toEqual(['DEVA', null]);
    expect(notifyPayload('E1', 'DEVA')).toBe('E1 DEVA');
  });

  it('an ended stream unsubscribing twice never removes a newer stream of the same event', async () => {
    const hub = inProcess();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = await hub.subscribe('E1', first);
    offFirst(); // on abort
    await hub.subscribe('E1', second);
    offFirst(); // and again when its loop ends
    await hub.announce('E1');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

const pgKind = (await storeKinds()).find((k) => k.name === 'postgres')!;

describe.skipIf(pgKind.skip)('the PostgreSQL live hub', () => {
  it('listens again after its connection is lost, and wakes everyone to catch up', async () => {
    const t = await pgKind.open();
    const hub = createLiveHub(t.store);
    try {
      const heard: (string | null)[] = [];
      await hub.subscribe('E1', (origin) => heard.push(origin));
      await hub.announce('E1', 'DEVA');
      await vi.waitFor(() => expect(heard).toEqual(['DEVA']));

      // PostgreSQL restarted, or an administrator ended the backend: the LISTEN connection dies.
      const ended = await sql<{ ended: boolean }>`
        select pg_terminate_backend(pid) as ended from pg_stat_activity
        where application_name = ${listenerName()}`.execute(t.store.db);
      // (An earlier test file of this worker process may have left its own: ended too.)
      expect(ended.rows.map((r) => r.ended)).toContain(true);

      // Back again: a wake-up for what may have been missed, then news as before.
      await vi.waitFor(() => expect(heard).toEqual(['DEVA', null]), { timeout: 5000 });
      await hub.announce('E1', 'DEVB');
      await vi.waitFor(() => expect(heard).toEqual(['DEVA', null, 'DEVB']));
    } finally {
      await hub.close();
      await t.dispose();
    }
  });
});
