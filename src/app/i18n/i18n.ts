// Bahasa Indonesia first, English second. Pages keep their own small dictionaries and pick
// a language with useLang(); the choice is remembered on the device.
import { useEffect, useState } from 'preact/hooks';
import { LANG_KEY as KEY } from '../../shared/ticket-boot';

export type Lang = 'id' | 'en';
const listeners = new Set<(l: Lang) => void>();

/** The language chosen on this device (Indonesian unless the person switched). */
export function currentLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** Switches the language everywhere on the page and remembers it. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  listeners.forEach((l) => l(lang));
}

/** The current language, re-rendering when it changes. */
export function useLang(): Lang {
  const [lang, set] = useState<Lang>(currentLang);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return lang;
}

/** Picks the text for the language from a { id, en } pair. */
export function pickText(m: { id: string; en: string }, lang: Lang): string {
  return lang === 'en' ? m.en : m.id;
}

/**
 * A server message written "Indonesian / English" (per-event sync answers, stored rejections) as
 * both texts; a message without the separator is shown as it is in both languages.
 */
export function splitBilingual(message: string): { id: string; en: string } {
  const at = message.indexOf(' / ');
  return at < 0
    ? { id: message, en: message }
    : { id: message.slice(0, at), en: message.slice(at + 3) };
}
