// "Tiket saya": tickets kept on this phone so the ticket page opens with no network. One entry
// per participant, the newest ticket version wins. localStorage (not IndexedDB) because the
// data is a few kilobytes and the ticket page must stay small and synchronous to first paint.
import type { TicketInfo } from '../../shared/api/schemas';
import { isTicketInfo } from './ticket-info-guard';
import type { Store } from './local-store';
import { defaultStore } from './local-store';

/** A ticket as kept on the phone: the signed token and what the server last said about it. */
export interface SavedTicket {
  token: string;
  info: TicketInfo;
  /** When the info was last confirmed by the server (ISO time). */
  savedAt: string;
}

const KEY = 'hadir.tickets.v1';

function isSavedTicket(x: unknown): x is SavedTicket {
  const t = x as Partial<SavedTicket> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.token === 'string' &&
    typeof t.savedAt === 'string' &&
    isTicketInfo(t.info)
  );
}

function readAll(store: Store): Record<string, SavedTicket> {
  let raw: string | null = null;
  try {
    raw = store?.getItem(KEY) ?? null;
  } catch {
    return {};
  }
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    // Drop anything damaged rather than failing the whole list.
    const out: Record<string, SavedTicket> = {};
    for (const [id, t] of Object.entries(parsed)) {
      if (isSavedTicket(t) && t.info.participantId === id) out[id] = t;
    }
    return out;
  } catch {
    return {};
  }
}

function writeAll(store: Store, all: Record<string, SavedTicket>): boolean {
  try {
    store?.setItem(KEY, JSON.stringify(all));
    return store !== null;
  } catch {
    return false; // Quota or private mode: the ticket still shows, it just isn't kept.
  }
}

/** Every saved ticket, soonest event first. */
export function listSavedTickets(store: Store = defaultStore()): SavedTicket[] {
  return Object.values(readAll(store)).sort((a, b) =>
    a.info.wave.startsAt < b.info.wave.startsAt ? -1 : 1,
  );
}

/** The saved ticket of one participant, if any. */
export function getSavedTicket(
  participantId: string,
  store: Store = defaultStore(),
): SavedTicket | null {
  return readAll(store)[participantId] ?? null;
}

/**
 * Keeps a ticket the server just described. An older version never replaces a newer one
 * (someone may reopen an old WhatsApp link); returns what is now saved for the participant.
 */
export function saveTicket(
  ticket: { token: string; info: TicketInfo; savedAt?: string },
  store: Store = defaultStore(),
): SavedTicket | null {
  const all = readAll(store);
  const id = ticket.info.participantId;
  const existing = all[id];
  if (existing && existing.info.version > ticket.info.version) return existing;
  const saved: SavedTicket = {
    token: ticket.token,
    info: ticket.info,
    savedAt: ticket.savedAt ?? new Date().toISOString(),
  };
  all[id] = saved;
  return writeAll(store, all) ? saved : null;
}

/** Forgets a participant's ticket on this phone. */
export function removeSavedTicket(participantId: string, store: Store = defaultStore()): void {
  const all = readAll(store);
  if (!(participantId in all)) return;
  delete all[participantId];
  writeAll(store, all);
}
