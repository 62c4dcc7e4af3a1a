// Tickets: the token codec (pure) and Ed25519 signing/verification.
export * from './codec.js';
export * from './crypto.js';
export type { TicketRejection } from './problems.js';
export { ticketProblem } from './problems.js';
