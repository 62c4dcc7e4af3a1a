// The ticket page as last shown for each of the last few tickets opened on this phone, so the
// next open paints it before the page's code has loaded: the inline script in ticket.html
// (src/shared/ticket-boot.ts) reads these, Preact renders over them. localStorage, like
// saved-tickets.ts and kept-qr.ts. Markup written by Preact from the saved ticket (escaped text);
// a frame is forgotten with its ticket, and when the ticket is no longer one to show.
import type { KeptFrame } from '../../shared/ticket-boot';
import { FRAME_KEY } from '../../shared/ticket-boot';
import type { Store } from './local-store';
import { defaultStore } from './local-store';

/** Enough for a family's tickets on one phone; the oldest shown is dropped first. */
const KEEP = 8;

function readAll(store: Store): KeptFrame[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(FRAME_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f: Partial<KeptFrame> | null): f is KeptFrame =>
        typeof f?.hash === 'string' &&
        typeof f.token === 'string' &&
        (f.lang === 'id' || f.lang === 'en') &&
        typeof f.title === 'string' &&
        typeof f.html === 'string',
    );
  } catch {
    return []; // Damaged: the page renders as it would on a first open.
  }
}

function writeAll(store: Store, all: KeptFrame[]): void {
  try {
    store?.setItem(FRAME_KEY, JSON.stringify(all.slice(-KEEP)));
  } catch {
    // Quota or private mode: the next open renders without a kept frame.
  }
}

/** The frame kept for this address, if any (the inline script's lookup, for tests). */
export function getKeptFrame(hash: string, store: Store = defaultStore()): KeptFrame | null {
  return readAll(store).find((f) => f.hash === hash) ?? null;
}

/** Keeps the page as shown for its address (one frame per address, newest last). */
export function keepFrame(frame: KeptFrame, store: Store = defaultStore()): void {
  const all = readAll(store);
  const same = all.find((f) => f.hash === frame.hash);
  if (same && same.html === frame.html && same.lang === frame.lang && same.title === frame.title)
    return;
  writeAll(store, [...all.filter((f) => f.hash !== frame.hash), frame]);
}

/** Forgets every frame of this token (the ticket was removed, cancelled or replaced). */
export function forgetFrames(token: string, store: Store = defaultStore()): void {
  const all = readAll(store);
  const rest = all.filter((f) => f.token !== token);
  if (rest.length !== all.length) writeAll(store, rest);
}
