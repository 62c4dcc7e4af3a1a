import { describe, expect, it } from 'vitest';
import {
  PAIRING_ALPHABET,
  newPairingCode,
  normalizePairingCode,
  pairingQrText,
} from './pairing-code.js';

describe('pairing codes', () => {
  it('are eight characters of the unambiguous alphabet, grouped 4-4', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newPairingCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(500);
    expect(PAIRING_ALPHABET).toHaveLength(32);
    expect(PAIRING_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('uses every symbol in every position (no bias toward a few)', () => {
    const perPosition = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      [...newPairingCode().replace('-', '')].forEach((c, j) => perPosition[j]!.add(c));
    }
    for (const s of perPosition) expect(s.size).toBe(32);
  });

  it('reads what people type and what cameras see', () => {
    expect(normalizePairingCode('7kq2-m9xd')).toBe('7KQ2-M9XD');
    expect(normalizePairingCode(' 7KQ2 M9XD ')).toBe('7KQ2-M9XD');
    expect(normalizePairingCode('7KQ2M9XD')).toBe('7KQ2-M9XD');
    expect(normalizePairingCode('OIL0-1234')).toBe('0110-1234');
    expect(normalizePairingCode('https://hadir.test/scan/pair#7KQ2-M9XD')).toBe('7KQ2-M9XD');
  });

  it('refuses anything that cannot be a code', () => {
    for (const bad of ['', '7KQ2-M9X', '7KQ2-M9XDA', 'UUUU-UUUU', '7KQ2-M9X!', 'https://x/#']) {
      expect(normalizePairingCode(bad), bad).toBeNull();
    }
  });

  it('puts the code in the fragment of the pairing link', () => {
    expect(pairingQrText('https://hadir.test/', 'ABCD-EFGH')).toBe(
      'https://hadir.test/scan/pair#ABCD-EFGH',
    );
  });
});
