// Which scan events count, for whom, and which copy of an id wins: the rules both the full fold
// and the incremental one share, so they can only differ in bookkeeping (which a property test checks).
import type { ScanEvent } from './types.js';
import { admits } from './types.js';
import { eventTime } from './clock.js';

/** True for an event that lets someone in: an admitting check-in, a re-entry, override or walk-in. */
export function countsAsAdmission(event: ScanEvent): boolean {
  switch (event.kind) {
    case 'check-in':
      // Every scan is recorded, refusals included; only the ones that let someone in count.
      return event.verdict !== null && admits(event.verdict);
    case 're-entry':
    case 'override':
    case 'walk-in':
      return true;
    case 'undo':
      return false;
  }
}

/** Whose attendance an event is about: the participant, or a walk-in's own event id; else null. */
export function attendanceKey(event: ScanEvent): string | null {
  if (event.participantId !== null) return event.participantId;
  return event.kind === 'walk-in' ? event.id : null;
}

/** True for an admission the organizer should look at. */
export function isFlaggedEvent(event: ScanEvent): boolean {
  return (
    event.kind === 'walk-in' ||
    event.kind === 'override' ||
    event.verdict === 'valid-not-in-roster' ||
    (event.flags?.length ?? 0) > 0
  );
}

/** Orders events by time (corrected where known), then id: the order a fold reads them in. */
export function compareEvents(a: ScanEvent, b: ScanEvent): number {
  return eventTime(a) - eventTime(b) || compareText(a.id, b.id);
}

/** Plain code-unit order, the same in every runtime and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Of two events that share an id, the one every device keeps. Ids are unique by construction, so
 * this only matters for a faulty or hostile client; it keeps the fold independent of arrival
 * order all the same. Identical events give `a`.
 */
export function preferredEvent(a: ScanEvent, b: ScanEvent): ScanEvent {
  return compareText(canonical(a), canonical(b)) <= 0 ? a : b;
}

// Every field that can change attendance or its record. Not receivedAt or correctedTime: the copy
// pulled back from the server differs from the local one only there, and both must count the same.
function canonical(e: ScanEvent): string {
  return JSON.stringify([
    e.id,
    e.deviceTime,
    e.deviceId,
    e.deviceSeq,
    e.kind,
    e.participantId,
    e.sessionId,
    e.verdict,
    e.undoes ?? null,
    e.volunteer,
    e.door,
    e.ticketVersion ?? null,
    e.walkIn ? [e.walkIn.name, e.walkIn.business, e.walkIn.phone, e.walkIn.waveId ?? null] : null,
    e.flags ?? [],
  ]);
}
