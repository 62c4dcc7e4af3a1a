// fast-check generators shared by the ticket tests.
import fc from 'fast-check';
import type { TicketPayload } from './codec.js';
import { KEY_ID_BYTES, PARTICIPANT_ID_BYTES, WAVE_ID_BYTES, encodeBase32 } from '../base32.js';

/** A base32 id of exactly `bytes` random bytes. */
export function idArb(bytes: number): fc.Arbitrary<string> {
  return fc.uint8Array({ minLength: bytes, maxLength: bytes }).map(encodeBase32);
}

/** Any valid ticket payload; pass a kid to pin it to one signing key. */
export function payloadArb(kid?: string): fc.Arbitrary<TicketPayload> {
  return fc.record({
    kid: kid === undefined ? idArb(KEY_ID_BYTES) : fc.constant(kid),
    participantId: idArb(PARTICIPANT_ID_BYTES),
    waveId: idArb(WAVE_ID_BYTES),
    version: fc.integer({ min: 0, max: 0xffff }),
  });
}
