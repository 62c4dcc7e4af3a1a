// The drawn QR of the last few tickets opened on this phone, so reopening a ticket (the usual
// case: at home, then in the queue) paints its QR without encoding it again — the encoder's mask
// search is the longest piece of the ticket's first frame on a slow phone. localStorage, like
// saved-tickets.ts: read synchronously before the first render.
import type { Store } from './local-store';
import { defaultStore } from './local-store';

const KEY = 'hadir.qr.v1';
/** Enough for a family's tickets on one phone; the oldest drawn is dropped first. */
const KEEP = 8;

/** A QR drawn for the ticket page: one SVG path of dark modules, and the side in modules. */
export interface KeptQr {
  path: string;
  modules: number;
}

function readAll(store: Store): [string, KeptQr][] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is [string, KeptQr] =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        typeof (e[1] as Partial<KeptQr> | null)?.path === 'string' &&
        typeof (e[1] as Partial<KeptQr> | null)?.modules === 'number',
    );
  } catch {
    return []; // Damaged: the QR is simply drawn again.
  }
}

/** The QR kept for this token text, if any. */
export function getKeptQr(token: string, store: Store = defaultStore()): KeptQr | null {
  return readAll(store).find(([t]) => t === token)?.[1] ?? null;
}

/** Keeps a token's drawn QR, newest last, at most KEEP of them. */
export function keepQr(token: string, qr: KeptQr, store: Store = defaultStore()): void {
  const all = readAll(store).filter(([t]) => t !== token);
  all.push([token, { path: qr.path, modules: qr.modules }]);
  try {
    store?.setItem(KEY, JSON.stringify(all.slice(-KEEP)));
  } catch {
    // Quota or private mode: drawn again next time.
  }
}
