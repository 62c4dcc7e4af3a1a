// The one rule for a new organizer password, checked by the setup, invitation and
// password-change forms before sending and by the server on arrival (same words in both).
import type { Problem } from '../messages.js';

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;

/**
 * Passwords guessed first: the most common ones in breach lists, and the Indonesian ones that
 * top local lists. Compared without case, spaces or a trailing "!"; any password on it is
 * refused whatever its length.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1122334455',
  '1111111111',
  '0000000000',
  '1234512345',
  '1qaz2wsx3edc',
  '123123123123',
  '123456789a',
  'a123456789',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'asdfghjkl1',
  'zxcvbnm123',
  'abcdefghij',
  'password1234',
  'password123',
  'passw0rd123',
  'password12',
  'iloveyou123',
  'welcome123',
  'admin12345',
  'administrator',
  'letmein123',
  'trustno1234',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey12345',
  'superman123',
  'changeme123',
  'bismillah',
  'bismillah123',
  'bismillah1',
  'alhamdulillah',
  'indonesia',
  'indonesia123',
  'indonesia1',
  'sayangku',
  'sayangku123',
  'sayangkamu',
  'rahasia123',
  'rahasiaku',
  'katasandi',
  'katasandi123',
  'masukaja123',
  'jakarta123',
  'tangerang123',
  'merdeka45',
  'merdeka1945',
  'garuda123',
  'cintaku123',
  'akusayangkamu',
  'hadir12345',
  'hadir123456',
  'panitia123',
  'panitia12345',
]);

const words = (id: string, en: string, code = 'weak-password'): Problem => ({
  code,
  message: { id, en },
});

/** What is wrong with a new password, or null when it may be used. */
export function newPasswordProblem(password: string): Problem | null {
  if (password.trim() === '') {
    return words(
      'Kata sandi tidak boleh kosong atau hanya spasi.',
      'The password cannot be blank.',
    );
  }
  // Spaces around the password do not count towards its length.
  if ([...password.trim()].length < MIN_PASSWORD) {
    return words(
      `Kata sandi minimal ${MIN_PASSWORD} karakter.`,
      `The password needs at least ${MIN_PASSWORD} characters.`,
    );
  }
  if (password.length > MAX_PASSWORD) {
    return words('Kata sandi terlalu panjang.', 'The password is too long.');
  }
  const plain = password.toLowerCase().replace(/\s+/g, '').replace(/!+$/, '');
  if (COMMON_PASSWORDS.has(plain)) {
    return words(
      'Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.',
      'This password is too common and easy to guess; choose another.',
    );
  }
  return null;
}
