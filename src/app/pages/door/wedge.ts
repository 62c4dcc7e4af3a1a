// USB and Bluetooth barcode scanners act as keyboards ("keyboard wedge"): they type the code
// quickly and press Enter. The door listens on the whole page, so no field needs the focus,
// while typing into a real field (search, walk-in form) is left alone.

import { TICKET_PREFIX } from '../../../shared/ticket/codec';

export interface WedgeOptions {
  onText: (text: string) => void;
  /** Shorter input followed by Enter is a stray key press, not a code. Default 6. */
  minLength?: number;
  /**
   * A longer pause between keys starts over: scanners type far faster. Default 1000 ms — a busy
   * tablet (camera decoding, a sync) may handle keys late, and a code split there would be lost.
   */
  maxGapMs?: number;
}

/** One key as the reader sees it. */
export interface WedgeKey {
  key: string;
  /** Milliseconds from any steady clock (KeyboardEvent.timeStamp). */
  at: number;
  /** True when the key goes into a field, which then owns it. */
  editable: boolean;
  /** Ctrl, Alt or Meta held: a shortcut, never part of a code. */
  modified: boolean;
}

/** Accumulates keys into codes; returns true when a key completed a code. */
export function createWedgeReader(options: WedgeOptions): (key: WedgeKey) => boolean {
  const minLength = options.minLength ?? 6;
  const maxGapMs = options.maxGapMs ?? 1000;
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;
  return (k) => {
    if (k.editable || k.modified) {
      buffer = '';
      return false;
    }
    if (k.at - last > maxGapMs) buffer = '';
    last = k.at;
    if (k.key === 'Enter') {
      // Stray keys pressed just before a scan must not spoil the ticket that follows them.
      const at = buffer.lastIndexOf(`${TICKET_PREFIX}.`);
      const text = at > 0 ? buffer.slice(at) : buffer;
      buffer = '';
      if (text.length < minLength) return false;
      options.onText(text);
      return true;
    }
    if (k.key.length === 1) buffer += k.key;
    return false;
  };
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Listens for scanner input on the whole document; returns the function that stops it. */
export function listenForWedge(options: WedgeOptions): () => void {
  const read = createWedgeReader(options);
  const onKey = (event: KeyboardEvent) => {
    const done = read({
      key: event.key,
      at: event.timeStamp,
      editable: isEditable(event.target),
      modified: event.ctrlKey || event.altKey || event.metaKey,
    });
    // The Enter that ends a code must not also press a focused button.
    if (done) event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
