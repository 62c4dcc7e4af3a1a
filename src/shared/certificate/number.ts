// Certificate numbers from the template's pattern: {no} is the event's sequence number,
// zero-padded to 3 (001, 002, … 1000), {tahun} the year of issue in WIB.

/** True when the pattern holds {no}, without which two certificates could share a number. */
export const patternHasNo = (pattern: string) => pattern.includes('{no}');

/** "007/PLT-UMKM/DISKOP/2026" from "{no}/PLT-UMKM/DISKOP/{tahun}", 7 and 2026. */
export function certificateNumber(pattern: string, seq: number, year: number): string {
  return pattern
    .replaceAll('{no}', String(seq).padStart(3, '0'))
    .replaceAll('{tahun}', String(year));
}
