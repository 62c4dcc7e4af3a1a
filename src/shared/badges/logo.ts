// The event logo printed on badges: which files are accepted, decided from the bytes themselves
// (a renamed text file claims image/png but does not start like one).

/** The largest logo accepted: plenty for a sharp 25 mm print, small enough to store per event. */
export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoType = 'image/png' | 'image/jpeg';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** PNG or JPEG by magic bytes (PNG also needs its IHDR header chunk); null for anything else. */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) {
    const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
    return ihdr === 'IHDR' ? 'image/png' : null;
  }
  if (startsWith(bytes, JPEG) && bytes.length > 4) return 'image/jpeg';
  return null;
}

/** The logo's path for an event at a version: a new upload gets a new URL, so it can be cached. */
export function logoPath(eventId: string, etag: string): string {
  return `/api/events/${encodeURIComponent(eventId)}/logo?v=${encodeURIComponent(etag)}`;
}
