// Zip files built byte by byte for tests of bad uploads: what a tool would never write (declared
// sizes that lie, encrypted entries) and zip bombs, made in milliseconds without holding what
// they unpack to. Layout per the ZIP application note (local headers, central directory, end).
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The entry's bytes as stored: raw deflate (method 8) or as they are (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the zip declares (true or not). */
  size: number;
  /** General-purpose flags; bit 0 marks an encrypted entry. */
  flags?: number;
}

/** A deflated entry of `text`, declared truthfully. */
export function deflatedPart(name: string, text: string | Uint8Array): ZipPart {
  const raw = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length };
}

/**
 * Raw deflate of `pieces` × 16 MiB of spaces, about 16 KB per piece: one piece is compressed once
 * and repeated (each ends on a sync flush, so the copies chain), then a final empty block.
 */
export function spacesBomb(pieces: number): { data: Uint8Array; size: number } {
  const PIECE = 16 * 1024 * 1024;
  const piece = deflateRawSync(Buffer.alloc(PIECE, 0x20), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const end = Uint8Array.of(0x03, 0x00);
  return { data: Buffer.concat([...Array<Buffer>(pieces).fill(piece), end]), size: pieces * PIECE };
}

/** The zip archive of the parts. */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = new TextEncoder().encode(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(p.flags ?? 0, 8);
    dir.writeUInt16LE(p.method, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(dir, name);
    offset += local.length + name.length + p.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The two parts that make a zip look like a workbook to a quick glance. */
export function workbookShell(): ZipPart[] {
  return [
    deflatedPart('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    deflatedPart('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
  ];
}
