import { describe, expect, it, vi } from 'vitest';
import type { Store } from '../store/database.js';
import { createLiveHub, notifyPayload } from './hub.js';

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
