// Badge sheets: QR images for every badge (made in small batches so the page stays responsive)
// and the split into A4 pages of eight.
import QRCode from 'qrcode';

/** Badges per printed A4 page: two columns of four, each about 90 × 60 mm. */
export const BADGES_PER_PAGE = 8;

/** An <img>-ready data URL of the token's QR code (SVG: stays sharp at any print size). */
export async function qrImageUrl(token: string): Promise<string> {
  const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** QR images for all tokens, yielding to the page between batches and reporting progress. */
export async function qrImageUrls(
  tokens: string[],
  opts: { onProgress: (done: number) => void; isCancelled: () => boolean },
): Promise<Map<string, string> | null> {
  const urls = new Map<string, string>();
  const BATCH = 25;
  for (let i = 0; i < tokens.length; i += BATCH) {
    if (opts.isCancelled()) return null;
    const slice = tokens.slice(i, i + BATCH);
    const made = await Promise.all(slice.map(qrImageUrl));
    slice.forEach((token, j) => urls.set(token, made[j]!));
    opts.onProgress(Math.min(i + BATCH, tokens.length));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return urls;
}

/** Splits a list into pages of `size`. */
export function intoPages<T>(items: T[], size = BADGES_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** Resolves when every image inside `root` has loaded and decoded (broken ones count as done). */
export async function imagesReady(root: ParentNode): Promise<void> {
  const images = Array.from(root.querySelectorAll('img'));
  await Promise.all(
    images.map((img) =>
      img.complete && img.naturalWidth > 0
        ? Promise.resolve()
        : img.decode().catch(() => undefined),
    ),
  );
}
