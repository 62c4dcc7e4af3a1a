// The words for each way a scanned ticket can be rejected; codes match VerifyResult reasons.
import type { Problem } from '../messages.js';
import { problem } from '../messages.js';

/** Why a ticket was rejected: not ours at all, signed by a key we don't hold, or forged. */
export type TicketRejection = 'not-a-ticket' | 'unknown-key' | 'bad-signature';

/** A fresh Problem for a rejection, so callers may keep or change it without sharing state. */
export function ticketProblem(reason: TicketRejection): Problem {
  switch (reason) {
    case 'not-a-ticket':
      return problem(reason, 'Bukan tiket Hadir', 'Not a Hadir ticket');
    case 'unknown-key':
      return problem(
        reason,
        'Tiket untuk acara lain atau kunci tidak dikenal',
        "Ticket for another event, or signed with a key this device doesn't know",
      );
    case 'bad-signature':
      return problem(
        reason,
        'Tiket palsu: tanda tangan tidak cocok',
        'Forged ticket: signature does not match',
      );
  }
}
