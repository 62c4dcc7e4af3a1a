import { describe, expect, it } from 'vitest';
import { checkNewAccount } from './auth-forms';
import { safeNext } from './admin-api';

describe('new organizer account form', () => {
  const ok = { username: 'panitia', password: 'rahasia-panjang', confirm: 'rahasia-panjang' };
  it('accepts a good form', () => expect(checkNewAccount(ok)).toBeNull());
  it('needs a username without spaces', () => {
    expect(checkNewAccount({ ...ok, username: ' ' })?.field).toBe('username');
    expect(checkNewAccount({ ...ok, username: 'pani tia' })?.field).toBe('username');
  });
  it('needs 10 characters and a matching confirmation', () => {
    expect(checkNewAccount({ ...ok, password: 'short', confirm: 'short' })?.field).toBe('password');
    expect(checkNewAccount({ ...ok, confirm: 'rahasia-lain!' })?.field).toBe('confirm');
  });
  it("refuses blank and common passwords with the server's words", () => {
    const weak = checkNewAccount({ ...ok, password: 'Bismillah123', confirm: 'Bismillah123' });
    expect(weak?.field).toBe('password');
    expect(weak?.message.id).toMatch(/terlalu umum/);
    const blank = ' '.repeat(12);
    expect(checkNewAccount({ ...ok, password: blank, confirm: blank })?.field).toBe('password');
  });
});

describe('return path after sign-in', () => {
  it('keeps admin paths', () =>
    expect(safeNext('/admin/events/X/participants?q=a')).toBe('/admin/events/X/participants?q=a'));
  it('refuses other places', () => {
    expect(safeNext('https://evil.example/admin')).toBe('/admin');
    expect(safeNext('//evil.example')).toBe('/admin');
    expect(safeNext('/t#x')).toBe('/admin');
    expect(safeNext('/admin/login?next=/admin')).toBe('/admin');
    expect(safeNext(null)).toBe('/admin');
  });
});
