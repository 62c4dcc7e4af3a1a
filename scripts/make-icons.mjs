// Writes Hadir's PNG app icons (green rounded square, white check — the same drawing as
// public/icons/icon.svg) with Node built-ins only: a tiny rasteriser, zlib and a PNG writer.
// Run once: node make-icons.mjs <outDir>
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';

const GREEN = [0x0b, 0x5d, 0x3b];
const outDir = process.argv[2] ?? '.';

// The check mark in the SVG's 512-unit space: a polyline with round caps, stroke 56.
const CHECK = [
  [140, 268],
  [216, 344],
  [372, 168],
];
const HALF_STROKE = 28;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inCheck(x, y, scale) {
  // Scale the check about the centre (maskable icons keep it inside the safe zone).
  const ux = 256 + (x - 256) / scale;
  const uy = 256 + (y - 256) / scale;
  for (let i = 0; i < CHECK.length - 1; i++) {
    if (distToSegment(ux, uy, CHECK[i], CHECK[i + 1]) <= HALF_STROKE) return true;
  }
  return false;
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 512 - r);
  const cy = Math.min(Math.max(y, r), 512 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels of the icon at `size` px, 4x4 supersampled. */
function draw(size, { maskable }) {
  const px = Buffer.alloc(size * size * 4);
  const ss = 4;
  const unit = 512 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const ux = (x + (sx + 0.5) / ss) * unit;
          const uy = (y + (sy + 0.5) / ss) * unit;
          if (!maskable && !inRoundedSquare(ux, uy, 96)) continue;
          cover++;
          if (inCheck(ux, uy, maskable ? 0.8 : 1)) white++;
        }
      }
      const n = ss * ss;
      const w = cover ? white / cover : 0;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(GREEN[c] * (1 - w) + 255 * w);
      px[i + 3] = Math.round((cover / n) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, "Sub" filter on every row). */
function png(size, px) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 1; // Sub
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? px[y * stride + i - 4] : 0;
      raw[y * (stride + 1) + 1 + i] = (px[y * stride + i] - left) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-192.png', 192, true],
  ['icon-maskable-512.png', 512, true],
]) {
  const file = join(outDir, name);
  const data = png(size, draw(size, { maskable }));
  writeFileSync(file, data);
  console.log(file, data.length, 'bytes');
}
