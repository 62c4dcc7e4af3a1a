// Looks inside an uploaded .xlsx before exceljs opens it. exceljs (through jszip) inflates every
// entry in memory, so a small zip whose entries unpack to gigabytes would take the server down.
// yauzl (a maintained zip reader) gives the sizes the zip declares, and while inflating checks
// that no entry yields more than it declared: declared sizes are capped first, then every entry
// is inflated through a counting stream and thrown away, so the cap holds for what zlib produces.
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Most bytes all entries may unpack to. */
  maxUnzipped: number;
  /** Most an entry of at least `ratioFrom` bytes may unpack to per compressed byte. */
  maxRatio: number;
  ratioFrom: number;
  maxEntries: number;
}

/** A roster workbook is a few megabytes of XML; real sheets deflate at 5–50:1, bombs near 1000:1. */
export const WORKBOOK_LIMITS: ZipLimits = {
  maxUnzipped: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFrom: 1024 * 1024,
  maxEntries: 10_000,
};

/** What was found: a workbook exceljs may open, or why not. */
export type ZipVerdict = 'ok' | 'damaged' | 'not-workbook' | 'encrypted' | 'too-large';

// The parts exceljs needs: without them the zip is something else renamed to .xlsx.
const WORKBOOK_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'];

class TooLarge extends Error {}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry into nothing; fails past `budget` bytes or past what the entry declared. */
function drain(zip: ZipFile, entry: Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      let n = 0;
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > budget) stream.destroy(new TooLarge());
      });
      stream.on('error', (e: Error) =>
        // yauzl's size check: "too many bytes in the stream" — more than the entry declared.
        reject(/too many bytes/i.test(e.message) ? new TooLarge() : e),
      );
      stream.on('end', () => resolve(n));
    });
  });
}

/** Checks that `bytes` is a workbook zip that unpacks within `limits`. */
export async function checkWorkbookZip(
  bytes: Uint8Array,
  limits: ZipLimits = WORKBOOK_LIMITS,
): Promise<ZipVerdict> {
  let zip: ZipFile;
  let entries: Entry[];
  try {
    zip = await openZip(bytes);
    if (zip.entryCount > limits.maxEntries) return 'too-large';
    entries = await listEntries(zip);
  } catch {
    return 'damaged';
  }
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= limits.ratioFrom && ratio > limits.maxRatio) return 'too-large';
  }
  if (declared > limits.maxUnzipped) return 'too-large';
  const names = new Set(entries.map((e) => e.fileName));
  if (!WORKBOOK_PARTS.every((p) => names.has(p))) return 'not-workbook';
  if (entries.some((e) => e.isEncrypted())) return 'encrypted';
  let left = limits.maxUnzipped;
  try {
    for (const e of entries) left -= await drain(zip, e, left);
  } catch (err) {
    return err instanceof TooLarge ? 'too-large' : 'damaged';
  }
  return 'ok';
}
