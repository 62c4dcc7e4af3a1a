import { describe, expect, it } from 'vitest';
import { splitBilingual } from './i18n';

describe('server messages in two languages', () => {
  it('splits "Indonesian / English" at the first separator, and keeps a plain message whole', () => {
    expect(splitBilingual('Sesi bukan milik gelombang ini / Not this wave’s session')).toEqual({
      id: 'Sesi bukan milik gelombang ini',
      en: 'Not this wave’s session',
    });
    expect(splitBilingual('a / b / c')).toEqual({ id: 'a', en: 'b / c' });
    expect(splitBilingual('id-conflict')).toEqual({ id: 'id-conflict', en: 'id-conflict' });
  });
});
