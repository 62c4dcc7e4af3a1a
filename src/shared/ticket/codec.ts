// Ticket token text <-> bytes: `H1.<payload>.<signature>`, both parts uppercase base32 so the
// whole token fits QR alphanumeric mode. Pure and synchronous; signatures are checked in crypto.ts.
import type { Problem } from '../messages.js';
import { KEY_ID_BYTES, PARTICIPANT_ID_BYTES, WAVE_ID_BYTES } from '../base32.js';
import { decodeBase32, encodeBase32 } from '../base32.js';
import { ticketProblem } from './problems.js';

export const TICKET_PREFIX = 'H1';
export const TICKET_FORMAT = 1;
/** [format 1][kid 5][participant 10][wave 5][version uint16 BE] */
export const TICKET_PAYLOAD_BYTES = 1 + KEY_ID_BYTES + PARTICIPANT_ID_BYTES + WAVE_ID_BYTES + 2;
export const TICKET_SIGNATURE_BYTES = 64;
/** No genuine ticket or ticket link comes near this; longer input is rejected before any work. */
const MAX_INPUT_CHARS = 2048;

const KID_AT = 1;
const PARTICIPANT_AT = KID_AT + KEY_ID_BYTES;
const WAVE_AT = PARTICIPANT_AT + PARTICIPANT_ID_BYTES;
const VERSION_AT = WAVE_AT + WAVE_ID_BYTES;

/** What a ticket says, ids as their base32 strings. */
export interface TicketPayload {
  kid: string;
  participantId: string;
  waveId: string;
  version: number;
}

export type ParsedTicket =
  | { ok: true; payload: TicketPayload; payloadBytes: Uint8Array; signature: Uint8Array }
  | { ok: false; problem: Problem };

/** The exact bytes that get signed; throws on ids of the wrong width or a version outside uint16. */
export function encodeTicketPayload(p: TicketPayload): Uint8Array {
  const bytes = new Uint8Array(TICKET_PAYLOAD_BYTES);
  bytes[0] = TICKET_FORMAT;
  bytes.set(idBytes('kid', p.kid, KEY_ID_BYTES), KID_AT);
  bytes.set(idBytes('participantId', p.participantId, PARTICIPANT_ID_BYTES), PARTICIPANT_AT);
  bytes.set(idBytes('waveId', p.waveId, WAVE_ID_BYTES), WAVE_AT);
  if (!Number.isInteger(p.version) || p.version < 0 || p.version > 0xffff) {
    throw new RangeError(`ticket version must be an integer 0..65535, got ${String(p.version)}`);
  }
  bytes[VERSION_AT] = p.version >> 8;
  bytes[VERSION_AT + 1] = p.version & 0xff;
  return bytes;
}

function idBytes(name: string, id: string, width: number): Uint8Array {
  const bytes = typeof id === 'string' ? decodeBase32(id) : null;
  if (bytes?.length !== width) {
    throw new RangeError(`${name} must be ${width} bytes of uppercase base32, got ${String(id)}`);
  }
  return bytes;
}

/** Reads the payload bytes back; null unless they are exactly a format-1 payload. */
export function decodeTicketPayload(bytes: Uint8Array): TicketPayload | null {
  if (bytes.length !== TICKET_PAYLOAD_BYTES || bytes[0] !== TICKET_FORMAT) return null;
  return {
    kid: encodeBase32(bytes.subarray(KID_AT, PARTICIPANT_AT)),
    participantId: encodeBase32(bytes.subarray(PARTICIPANT_AT, WAVE_AT)),
    waveId: encodeBase32(bytes.subarray(WAVE_AT, VERSION_AT)),
    version: ((bytes[VERSION_AT] ?? 0) << 8) | (bytes[VERSION_AT + 1] ?? 0),
  };
}

/** Structural parse of scanned text (a token or a ticket link); never throws, checks no signature. */
export function parseTicket(text: string): ParsedTicket {
  const notATicket = { ok: false, problem: ticketProblem('not-a-ticket') } as const;
  if (typeof text !== 'string' || text.length > MAX_INPUT_CHARS) return notATicket;
  // Scanners may change case, so compare in upper case; base32 makes that lossless. Only ASCII is
  // folded: toUpperCase() would also turn 'ı' into 'I' and 'ſ' into 'S'.
  let token = text.trim().replace(/[a-z]+/g, (s) => s.toUpperCase());
  // People sometimes show the QR of the ticket link; the token sits after `/t#`.
  const link = token.lastIndexOf('/T#');
  if (link >= 0) token = token.slice(link + 3);
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TICKET_PREFIX) return notATicket;
  const payloadBytes = decodeBase32(parts[1] ?? '');
  const signature = decodeBase32(parts[2] ?? '');
  if (payloadBytes === null || signature?.length !== TICKET_SIGNATURE_BYTES) return notATicket;
  const payload = decodeTicketPayload(payloadBytes);
  if (payload === null) return notATicket;
  return { ok: true, payload, payloadBytes, signature };
}

/** The token text for signed payload bytes; throws if either part has the wrong length. */
export function formatTicket(payloadBytes: Uint8Array, signature: Uint8Array): string {
  if (payloadBytes.length !== TICKET_PAYLOAD_BYTES) {
    throw new RangeError(`ticket payload must be ${TICKET_PAYLOAD_BYTES} bytes`);
  }
  if (signature.length !== TICKET_SIGNATURE_BYTES) {
    throw new RangeError(`ticket signature must be ${TICKET_SIGNATURE_BYTES} bytes`);
  }
  return `${TICKET_PREFIX}.${encodeBase32(payloadBytes)}.${encodeBase32(signature)}`;
}

/** The participant's ticket link; the token rides in the fragment so no server ever logs it. */
export function ticketLinkPath(token: string): string {
  return `/t#${token}`;
}
