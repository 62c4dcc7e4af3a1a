// Checks the organizer account forms before they are sent, with messages in both languages.
import { newPasswordProblem } from '../../../shared/account/password-rule';
import type { Bilingual } from '../../../shared/messages';

export { MIN_PASSWORD } from '../../../shared/account/password-rule';

/** The first problem with a new account form, or null when it may be sent. */
export function checkNewAccount(f: {
  username: string;
  password: string;
  confirm: string;
}): { field: 'username' | 'password' | 'confirm'; message: Bilingual } | null {
  const username = f.username.trim();
  if (!username) {
    return { field: 'username', message: { id: 'Isi nama pengguna.', en: 'Enter a username.' } };
  }
  if (!/^[\p{L}\p{N}._@-]+$/u.test(username) || username.length > 60) {
    return {
      field: 'username',
      message: {
        id: 'Nama pengguna hanya boleh huruf, angka, titik, garis bawah, @ dan tanda hubung (tanpa spasi).',
        en: 'A username may only have letters, digits, dots, underscores, @ and hyphens (no spaces).',
      },
    };
  }
  return checkNewPassword(f);
}

/** The first problem with a new password and its repetition, or null. */
export function checkNewPassword(f: {
  password: string;
  confirm: string;
}): { field: 'password' | 'confirm'; message: Bilingual } | null {
  const weak = newPasswordProblem(f.password);
  if (weak) return { field: 'password', message: weak.message };
  if (f.password !== f.confirm) {
    return {
      field: 'confirm',
      message: { id: 'Kedua kata sandi tidak sama.', en: 'The two passwords differ.' },
    };
  }
  return null;
}
