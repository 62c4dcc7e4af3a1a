// TicketInfo arrives from the network and from localStorage, and both are rendered: check the
// shape by hand (valibot would add kilobytes to the smallest page participants open).
import type { TicketInfo } from '../../shared/api/schemas';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isSpan = (x: unknown): x is Record<string, unknown> =>
  isObject(x) && isString(x.startsAt) && isString(x.endsAt);

/** True when `x` has every field the ticket page reads, with the right types. */
export function isTicketInfo(x: unknown): x is TicketInfo {
  if (!isObject(x)) return false;
  const { wave, sessions } = x;
  return (
    isString(x.participantId) &&
    Number.isInteger(x.version) &&
    (x.status === 'valid' || x.status === 'cancelled' || x.status === 'superseded') &&
    isString(x.name) &&
    isString(x.business) &&
    isString(x.eventName) &&
    isSpan(wave) &&
    isString(wave.name) &&
    isString(wave.venue) &&
    isString(wave.address) &&
    (wave.mapUrl === null || isString(wave.mapUrl)) &&
    Array.isArray(sessions) &&
    sessions.every((s: unknown) => isSpan(s) && isString(s.name)) &&
    // Added later (contact, instructions): absent from tickets saved before them.
    (x.contact === undefined || x.contact === null || isString(x.contact)) &&
    (x.instructions === undefined ||
      x.instructions === null ||
      (Array.isArray(x.instructions) && x.instructions.every(isString)))
  );
}
