import { describe, expect, it } from 'vitest';
import { linkWarning, readConfig } from './config.js';

describe('linkWarning (ticket links at start)', () => {
  it.each([
    [{ HOST: '0.0.0.0' }, /PUBLIC_URL belum diatur/],
    [{ HOST: '192.168.1.20' }, /PUBLIC_URL belum diatur/],
    [{ HOST: '::' }, /PUBLIC_URL belum diatur/],
    [{ HOST: '127.0.0.1' }, null],
    [{ HOST: 'localhost' }, null],
    [{ HOST: '::1' }, null],
    [{ HOST: '0.0.0.0', PUBLIC_URL: 'https://hadir.tangsel.go.id/' }, null],
    [{ HOST: '0.0.0.0', PUBLIC_URL: 'http://192.168.1.20:8080' }, /PUBLIC_URL=http:\/\/192/],
    [{ HOST: '127.0.0.1', PUBLIC_URL: 'http://hadir.tangsel.go.id' }, /tautan tiket akan mati/],
  ])('%o', (env, expected) => {
    const warning = linkWarning(readConfig(env));
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toMatch(expected);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['off', false],
    ['0', false],
    ['on', true],
    ['1', true],
    ['TRUE', true],
  ])('%s → %s', (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it('refuses anything else, in both languages', () => {
    expect(() => readConfig({ TRUST_PROXY: 'maybe' })).toThrow(/tidak valid.*invalid TRUST_PROXY/);
  });
});
