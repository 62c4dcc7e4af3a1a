import { describe, expect, it } from 'vitest';
import { whatsAppLink, whatsAppNumber } from './whatsapp.js';

describe('whatsAppNumber', () => {
  it('gives 62… for every way an office writes the same mobile', () => {
    for (const input of ['0811-2345-678', '62811 2345 678', '+62 811-2345-678', '08112345678']) {
      expect(whatsAppNumber(input), input).toBe('628112345678');
    }
  });

  it('gives null for a number nobody can message', () => {
    expect(whatsAppNumber('021-555')).toBeNull();
    expect(whatsAppNumber('')).toBeNull();
  });
});

describe('whatsAppLink', () => {
  it('carries the message encoded, spaces and line breaks included', () => {
    expect(whatsAppLink('0811 2345 678', 'Halo Bu Sari,\nkami tunggu & terima kasih')).toBe(
      'https://wa.me/628112345678?text=Halo%20Bu%20Sari%2C%0Akami%20tunggu%20%26%20terima%20kasih',
    );
  });
});
