// How erasure rewrites a walk-in kept inside a scan body: the phone cut to its last four digits
// (what other doors' tablets already hold), the name and business replaced unless the walk-in
// became a certificate holder. Pure, and a fixed point: redacting twice changes nothing.
import { ERASED_NAME } from '../../shared/api/retention.js';
import { canonicalScanEvent, parseCanonicalScanEvent } from '../../shared/api/sync.js';
import { phoneLast4 } from '../../shared/door/phone.js';
import type { WalkIn } from '../../shared/door/types.js';

/** A walk-in as kept after erasure: the phone's last four digits, the name only if needed. */
function redactWalkIn(w: WalkIn, keepName: boolean): WalkIn {
  const out: WalkIn = { ...w, phone: phoneLast4(w.phone) };
  if (!keepName) {
    out.name = ERASED_NAME;
    out.business = '';
  }
  return out;
}

/** A canonical body with its walk-in redacted; the same text when it has none. */
export function redactCanonical(body: string, keepName: boolean): string {
  const event = parseCanonicalScanEvent(body);
  if (!event.walkIn) return body;
  return canonicalScanEvent({ ...event, walkIn: redactWalkIn(event.walkIn, keepName) });
}

/** A refused push (any JSON) with a readable walk-in redacted; the same text otherwise. */
export function redactLoose(body: string, keepName: boolean): string {
  try {
    const parsed = JSON.parse(body) as { walkIn?: Partial<WalkIn> };
    const w = parsed.walkIn;
    if (!w || typeof w !== 'object') return body;
    if (typeof w.phone === 'string') w.phone = phoneLast4(w.phone);
    if (!keepName) {
      w.name = ERASED_NAME;
      w.business = '';
    }
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

/**
 * True when `pushed` is a tablet's original of a stored body that erasure redacted: a re-push
 * after erasure is then the same scan (a duplicate), not a conflicting copy to keep in full.
 */
export function isErasedCopy(pushed: string, stored: string): boolean {
  // Only reached on the rare conflict path: a normal push never calls it.
  if (pushed === stored) return false;
  try {
    return redactCanonical(pushed, true) === stored || redactCanonical(pushed, false) === stored;
  } catch {
    return false;
  }
}
