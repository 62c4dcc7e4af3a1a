import { describe, expect, it } from 'vitest';
import { create } from 'qrcode/lib/core/qrcode';
import { encodeTicketPayload, formatTicket } from '../../../shared/ticket/codec';
import { qrSvg, svgDataUrl } from './qr-svg';

const token = formatTicket(
  encodeTicketPayload({
    kid: 'ABCDEFGH',
    participantId: 'QRSTUVWXYZ234567',
    waveId: 'WAVE2345',
    version: 3,
  }),
  new Uint8Array(64).fill(0x5a),
);

/** Reads the dark modules back out of the path's "Mx yhNv1h-Nz" runs. */
function darkModules(svg: string): Set<string> {
  const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < run; i++) dark.add(`${x + i},${y}`);
  }
  return dark;
}

describe('ticket QR as SVG', () => {
  it('draws exactly the encoder’s dark modules inside a 4-module quiet zone', () => {
    const { svg, modules, version } = qrSvg(token);
    const qr = create(token, { errorCorrectionLevel: 'M' });
    expect(version).toBe(qr.version);
    expect(version).toBeLessThanOrEqual(10);
    expect(modules).toBe(qr.modules.size + 8);
    const expected = new Set<string>();
    for (let y = 0; y < qr.modules.size; y++)
      for (let x = 0; x < qr.modules.size; x++)
        if (qr.modules.get(y, x)) expected.add(`${x + 4},${y + 4}`);
    expect(darkModules(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules} ${modules}"`);
    expect(svg).toContain('fill="#fff"');
  });

  it('encodes lower-case text too (byte mode)', () => {
    const { svg, version } = qrSvg('hadir.test');
    const qr = create('hadir.test', { errorCorrectionLevel: 'M' });
    expect(version).toBe(qr.version);
    expect(darkModules(svg).size).toBeGreaterThan(0);
  });

  it('makes a data URL with nothing that needs escaping left raw', () => {
    const url = svgDataUrl(qrSvg(token).svg);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url).not.toMatch(/[<>"# ]/);
  });
});
