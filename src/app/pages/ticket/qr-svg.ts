// The ticket's QR as an SVG data URL: black modules on white, a 4-module quiet zone, error
// correction M (architecture budget: version 10 or lower, readable from a cracked screen).
// Only the qrcode package's encoder is used; the drawing is one <path>, so the image stays crisp
// at any size and a few kilobytes long.
import { create } from 'qrcode/lib/core/qrcode';

const QUIET_ZONE = 4;

/** QR alphanumeric mode's characters: a ticket token (upper-case base32 and dots) is all of them. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** The SVG markup, its path of dark modules and its size in modules (quiet zone included). */
export function qrSvg(text: string): {
  svg: string;
  path: string;
  modules: number;
  version: number;
} {
  // One segment in the mode the token needs: given a plain string, the encoder searches the
  // cheapest mix of modes (a graph search), two thirds of its time for a ticket, for the same
  // symbol (qr-svg.test.ts checks it is identical).
  const mode = ALPHANUMERIC.test(text) ? 'alphanumeric' : 'byte';
  const qr = create([{ data: text, mode }], { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  const dim = size + 2 * QUIET_ZONE;
  let d = '';
  // One rectangle per horizontal run of dark modules keeps the path short.
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!qr.modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && qr.modules.get(y, x + run)) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" ` +
    `shape-rendering="crispEdges"><rect width="${dim}" height="${dim}" fill="#fff"/>` +
    `<path d="${d}" fill="#000"/></svg>`;
  return { svg, path: d, modules: dim, version: qr.version };
}

/** A data: URL for <img src>; the CSP allows data: images, not inline markup styles. */
export function svgDataUrl(svg: string): string {
  return 'data:image/svg+xml,' + encodeURIComponent(svg);
}
