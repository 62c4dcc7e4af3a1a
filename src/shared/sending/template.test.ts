import { describe, expect, it } from 'vitest';
import type { MessageFacts } from './template.js';
import {
  DEFAULT_CERTIFICATE_TEMPLATE,
  DEFAULT_TEMPLATE,
  defaultTemplateOf,
  renderMessage,
  templateProblems,
} from './template.js';

const facts: MessageFacts = {
  name: 'Siti Aminah',
  eventName: 'Pelatihan UMKM 2026',
  wave: {
    name: 'Gelombang 1',
    venue: 'Aula Blandongan',
    address: 'Puspemkot Tangsel',
    startsAt: '2026-12-08T08:00:00+07:00',
  },
  link: 'https://hadir.example/t#H1.ABC',
  contact: '+6281234567890',
};

describe('renderMessage', () => {
  it('fills every placeholder of the default template', () => {
    const text = renderMessage(DEFAULT_TEMPLATE, facts);
    expect(text).toContain('Halo Siti Aminah,');
    expect(text).toContain('Pelatihan UMKM 2026, Gelombang 1.');
    expect(text).toContain('Tempat: Aula Blandongan, Puspemkot Tangsel');
    expect(text).toContain('Waktu: Selasa 8 Desember 08.00 WIB');
    expect(text).toContain('\nhttps://hadir.example/t#H1.ABC\n');
    expect(text).toContain('WhatsApp: 0812-3456-7890');
    expect(text).not.toMatch(/\{/);
  });

  it('leaves out a line whose placeholders are all empty (no contact yet)', () => {
    const text = renderMessage(DEFAULT_TEMPLATE, { ...facts, contact: null });
    expect(text).not.toContain('Hubungi panitia');
    expect(text.endsWith('https://hadir.example/t#H1.ABC')).toBe(true);
  });

  it('keeps unknown placeholders as written, and reads known ones in any case', () => {
    expect(renderMessage('Hai {NAMA}, {hadiah}', facts)).toBe('Hai Siti Aminah, {hadiah}');
  });

  it('does not read placeholders out of the values it fills in', () => {
    expect(renderMessage('{nama}', { ...facts, name: 'Budi {tautan}' })).toBe('Budi {tautan}');
  });

  it('writes a place without an address as the venue alone', () => {
    expect(renderMessage('{tempat}', { ...facts, wave: { ...facts.wave, address: '' } })).toBe(
      'Aula Blandongan',
    );
  });
});

describe('templateProblems', () => {
  it('finds nothing wrong with the default', () => {
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual([]);
  });
  it('names unknown placeholders in words', () => {
    const [p] = templateProblems('Halo {nama} {namma} {tautan} {hadiah}');
    expect(p!.id).toMatch(/^Tidak dikenal: \{namma\}, \{hadiah\}\. Yang bisa dipakai: \{nama\}/);
    expect(p!.en).toMatch(/^Not known: \{namma\}, \{hadiah\}/);
  });
  it('warns when the message carries no ticket link', () => {
    expect(templateProblems('Halo {nama}').map((p) => p.en)).toEqual([
      'The message has no {tautan}: participants would not get their ticket.',
    ]);
  });
});

describe('certificate messages', () => {
  const cert: MessageFacts = {
    ...facts,
    link: 'https://hadir.example/c#HS1.XYZ',
    number: '007/PLT-UMKM/DISKOP/2026',
  };

  it('fills the default certificate message: name, number and the /c# link', () => {
    const text = renderMessage(DEFAULT_CERTIFICATE_TEMPLATE, cert, 'sertifikat');
    expect(text).toContain('Selamat, Bapak/Ibu Siti Aminah!');
    expect(text).toContain('Pelatihan UMKM 2026, Gelombang 1.');
    expect(text).toContain('nomor 007/PLT-UMKM/DISKOP/2026');
    expect(text).toContain('\nhttps://hadir.example/c#HS1.XYZ\n');
    expect(text).toContain('WhatsApp: 0812-3456-7890');
    expect(text).not.toMatch(/\{/);
    expect(templateProblems(DEFAULT_CERTIFICATE_TEMPLATE, 'sertifikat')).toEqual([]);
    expect(defaultTemplateOf('sertifikat')).toBe(DEFAULT_CERTIFICATE_TEMPLATE);
  });

  it('knows {nomor} only in certificate messages, and {tempat} only in ticket ones', () => {
    expect(renderMessage('{nama} {nomor} {tempat}', cert, 'sertifikat')).toBe(
      'Siti Aminah 007/PLT-UMKM/DISKOP/2026 {tempat}',
    );
    expect(renderMessage('{nama} {nomor}', cert)).toBe('Siti Aminah {nomor}');
    const [unknown] = templateProblems('{tautan} {waktu}', 'sertifikat');
    expect(unknown!.id).toContain('Tidak dikenal: {waktu}');
    expect(unknown!.id).toContain('{nomor}');
    expect(unknown!.en).toContain('Not known: {waktu}');
    expect(templateProblems('{tautan} {nomor}')[0]!.id).toContain('Tidak dikenal: {nomor}');
  });

  it('requires the certificate link, in both languages', () => {
    const problems = templateProblems('Selamat {nama}, nomor {nomor}', 'sertifikat');
    expect(problems).toEqual([
      {
        id: 'Pesan belum memuat {tautan}: peserta tidak akan menerima sertifikatnya.',
        en: 'The message has no {tautan}: participants would not get their certificate.',
      },
    ]);
  });
});
