// What a door may hold of a phone number: its last four digits, enough for a volunteer to ask
// "ends in …?" and never enough to call (ARCHITECTURE.md, Security).

/** The last four digits of a phone number, whatever its punctuation. */
export function phoneLast4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}
