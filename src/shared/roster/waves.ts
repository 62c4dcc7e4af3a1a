// Reading the wave column: offices write "Gelombang 1", "1", "gel. 2", "Wave 2", "II".

/** A wave an import row may name. */
export interface WaveChoice {
  id: string;
  name: string;
}

const ROMAN = new Map(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((r, i) => [r, i + 1]),
);

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

// "1", "01", "Gelombang 1", "gel. 2", "wave 3", "batch II", "ke-2" → the number; else null.
function numberIn(text: string): number | null {
  const m =
    /^(?:(?:gelombang|gel|wave|batch|angkatan|sesi)\.?\s*)?(?:ke\s*-?\s*)?([0-9]{1,3}|[ivx]{1,4})\.?$/.exec(
      fold(text),
    );
  if (!m?.[1]) return null;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : (ROMAN.get(m[1]) ?? null);
}

// The numbers a wave's own name carries: "Gelombang 2 (Balaikota)" → [2]; "Gelombang II" → [2].
function numbersOfWave(name: string): number[] {
  const out = (fold(name).match(/\d+/g) ?? []).map(Number);
  for (const token of fold(name).split(/[^a-z]+/)) {
    const roman = ROMAN.get(token);
    if (roman !== undefined) out.push(roman);
  }
  return out;
}

/**
 * The wave a cell names: first by the wave's whole name (any case), then by number when exactly
 * one wave's name carries that number. Null when nothing, or more than one wave, fits.
 */
export function matchWave(raw: string, waves: WaveChoice[]): WaveChoice | null {
  const text = fold(raw);
  if (text === '') return null;
  const byName = waves.filter((w) => fold(w.name) === text);
  if (byName.length === 1) return byName[0]!;
  const n = numberIn(text);
  if (n === null) return null;
  const byNumber = waves.filter((w) => numbersOfWave(w.name).includes(n));
  return byNumber.length === 1 ? byNumber[0]! : null;
}
