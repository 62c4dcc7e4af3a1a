import { describe, expect, it } from 'vitest';
import type { TicketInfo } from '../../shared/api/schemas';
import { getSavedTicket, listSavedTickets, removeSavedTicket, saveTicket } from './saved-tickets';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

function info(participantId: string, version: number, startsAt = '2026-12-08T08:00:00+07:00') {
  return {
    participantId,
    version,
    status: 'valid',
    name: 'Siti Aminah',
    business: 'Keripik Bu Siti',
    eventName: 'Pelatihan dan Sertifikasi UMKM 2026',
    wave: {
      name: 'Gelombang 1',
      venue: 'Aula Blandongan',
      address: 'Puspemkot Tangsel',
      mapUrl: null,
      startsAt,
      endsAt: '2026-12-08T16:00:00+07:00',
    },
    sessions: [],
  } satisfies TicketInfo;
}

describe('saved tickets', () => {
  it('keeps one ticket per participant and lists them soonest first', () => {
    const store = memoryStore();
    saveTicket({ token: 'T-B', info: info('B', 0, '2026-12-09T08:00:00+07:00') }, store);
    saveTicket({ token: 'T-A', info: info('A', 0) }, store);
    expect(listSavedTickets(store).map((t) => t.token)).toEqual(['T-A', 'T-B']);
  });

  it('never lets an older version replace a newer one', () => {
    const store = memoryStore();
    saveTicket({ token: 'v2', info: info('A', 2) }, store);
    const kept = saveTicket(
      { token: 'v1', info: { ...info('A', 1), status: 'superseded' } },
      store,
    );
    expect(kept?.token).toBe('v2');
    expect(getSavedTicket('A', store)?.token).toBe('v2');
    saveTicket({ token: 'v3', info: info('A', 3) }, store);
    expect(getSavedTicket('A', store)?.token).toBe('v3');
  });

  it('updates the status of the same version (e.g. cancelled later)', () => {
    const store = memoryStore();
    saveTicket({ token: 'v1', info: info('A', 1) }, store);
    saveTicket({ token: 'v1', info: { ...info('A', 1), status: 'cancelled' } }, store);
    expect(getSavedTicket('A', store)?.info.status).toBe('cancelled');
  });

  it('removes a ticket', () => {
    const store = memoryStore();
    saveTicket({ token: 'T-A', info: info('A', 0) }, store);
    removeSavedTicket('A', store);
    expect(listSavedTickets(store)).toEqual([]);
  });

  it('ignores damaged storage instead of failing', () => {
    const store = memoryStore();
    store.setItem('hadir.tickets.v1', '{not json');
    expect(listSavedTickets(store)).toEqual([]);
    store.setItem(
      'hadir.tickets.v1',
      JSON.stringify({
        A: { token: 'T-A', savedAt: 'x', info: info('A', 0) },
        B: { token: 'T-B', savedAt: 'x', info: { name: 'no wave' } },
        C: { token: 'T-C', savedAt: 'x', info: info('A', 0) },
      }),
    );
    expect(listSavedTickets(store).map((t) => t.token)).toEqual(['T-A']);
  });

  it('reports a ticket that could not be kept (storage blocked or full)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(saveTicket({ token: 'T', info: info('A', 0) }, full)).toBeNull();
    expect(saveTicket({ token: 'T', info: info('A', 0) }, null)).toBeNull();
  });

  it('keeps the contact and instructions the server last gave, for offline visits', () => {
    const store = memoryStore();
    const withContact = {
      ...info('A', 1),
      contact: '+6281299990000',
      instructions: ['Bawa KTP dan NPWP'],
    };
    saveTicket({ token: 'T-A', info: withContact }, store);
    expect(getSavedTicket('A', store)?.info).toMatchObject({
      contact: '+6281299990000',
      instructions: ['Bawa KTP dan NPWP'],
    });
    // A damaged entry (instructions not text) is dropped, not rendered.
    store.data.set(
      'hadir.tickets.v1',
      JSON.stringify({
        A: { token: 'T-A', savedAt: 'x', info: { ...withContact, instructions: [1] } },
      }),
    );
    expect(getSavedTicket('A', store)).toBeNull();
  });
});
