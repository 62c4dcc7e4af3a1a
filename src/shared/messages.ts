/** A message every person at the door or the office can read: Bahasa Indonesia first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

/** A rejection with a stable machine code and words for people. */
export interface Problem {
  code: string;
  message: Bilingual;
}

/** Builds a Problem; keeps call sites short. */
export function problem(code: string, id: string, en: string): Problem {
  return { code, message: { id, en } };
}

/** One line for logs and API errors: "Indonesian / English". */
export function bilingualText(m: Bilingual): string {
  return `${m.id} / ${m.en}`;
}
