// Fits badge text (the name, the business, the event) into its lines by shrinking the font,
// never by cutting or ellipsising: a first guess from the text's length, then measured in the
// browser after the fonts load, all badges at once so each round costs one layout.

export interface FitRule {
  /** Lines the text may take. */
  lines: number;
  maxPt: number;
  /** Below this the text wraps onto more lines rather than shrink further (still all visible). */
  minPt: number;
  /** The box's width on the printed badge, for the first guess. */
  widthMm: number;
}

/** Rules by the element's data-fit name. */
export const FIT_RULES: Record<string, FitRule> = {
  name: { lines: 2, maxPt: 16, minPt: 7, widthMm: 84 },
  business: { lines: 2, maxPt: 10, minPt: 6, widthMm: 55 },
  event: { lines: 2, maxPt: 8, minPt: 5.5, widthMm: 60 },
};

const LINE_HEIGHT = 1.15;
const PX_PER_PT = 96 / 72;
const PT_PER_MM = 72 / 25.4;
/** Average glyph width of a sans-serif in ems, with room to spare for wide letters. */
const GLYPH_EM = 0.58;

/** The first guess (pt, in half points) at a size that fits `text` under `rule`. */
export function estimateFontPt(text: string, rule: FitRule): number {
  const chars = text.trim().length;
  if (chars === 0) return rule.maxPt;
  const longestWord = Math.max(...text.split(/\s+/).map((w) => w.length));
  // Lines break at spaces, so a line holds a little less than its share of the text.
  const perLine = Math.max(Math.ceil((chars / rule.lines) * 1.12), longestWord);
  const pt = (rule.widthMm / (perLine * GLYPH_EM)) * PT_PER_MM;
  return Math.min(rule.maxPt, Math.max(rule.minPt, Math.floor(pt * 2) / 2));
}

/** True when the element's text needs more than `lines` lines (or spills sideways) at `pt`. */
function overflows(el: HTMLElement, lines: number, pt: number): boolean {
  const allowed = lines * pt * LINE_HEIGHT * PX_PER_PT + 1;
  return el.scrollHeight > allowed || el.scrollWidth > el.clientWidth + 1;
}

/**
 * Sizes every [data-fit] element under `root`: starts a little above the guess and shrinks the
 * ones that still overflow, round by round (reads then writes, one layout per round).
 */
export async function fitBadgeText(root: ParentNode): Promise<void> {
  await document.fonts?.ready;
  const items = Array.from(root.querySelectorAll<HTMLElement>('[data-fit]')).flatMap((el) => {
    const rule = FIT_RULES[el.dataset.fit ?? ''];
    if (!rule) return [];
    const guess = estimateFontPt(el.textContent ?? '', rule);
    return [{ el, rule, pt: Math.min(rule.maxPt, guess + 2) }];
  });
  let pending = items;
  for (let round = 0; round < 24 && pending.length > 0; round++) {
    for (const it of pending) {
      it.el.style.fontSize = `${it.pt}pt`;
      it.el.style.lineHeight = String(LINE_HEIGHT);
    }
    pending = pending.filter(
      (it) => it.pt > it.rule.minPt && overflows(it.el, it.rule.lines, it.pt),
    );
    for (const it of pending) it.pt = Math.max(it.rule.minPt, Math.round(it.pt * 0.93 * 4) / 4);
  }
}
