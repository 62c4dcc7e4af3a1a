// WhatsApp reminder links. wa.me wants the international number without "+" (62…); the number
// goes through normalizePhone, the one reading of Indonesian phone forms, so 0811…, 62811… and
// +62 811-… all reach the same person.
import { normalizePhone } from './phone.js';

/** The number as wa.me takes it ("62811…"), or null when it is not a usable mobile number. */
export function whatsAppNumber(phone: string): string | null {
  return normalizePhone(phone)?.slice(1) ?? null;
}

/** https://wa.me/62…?text=… with the message ready to send; null for an unusable number. */
export function whatsAppLink(phone: string, message: string): string | null {
  const number = whatsAppNumber(phone);
  return number === null ? null : `https://wa.me/${number}?text=${encodeURIComponent(message)}`;
}
