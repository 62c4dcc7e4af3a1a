import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../shared/roster/csv.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import { planImport } from '../../shared/roster/plan.js';
import type { ExistingParticipant } from '../../shared/roster/plan.js';
import { readRosterCsv } from '../../shared/roster/read.js';
import { DEMO_EVENT, generateDemoParticipants, generateDemoRoster } from './generate.js';
import { createRng } from './prng.js';

describe('generateDemoRoster', () => {
  const roster = generateDemoRoster();
  const everyone = [...roster.wave1, ...roster.wave2];

  it('gives wave 1 its 382 and wave 2 its 400', () => {
    expect(roster.wave1).toHaveLength(382);
    expect(roster.wave2).toHaveLength(400);
  });

  it('is the same on every run', () => {
    expect(generateDemoRoster()).toEqual(roster);
    expect(generateDemoParticipants({ count: 5, seed: 7 })).toEqual(
      generateDemoParticipants({ count: 5, seed: 7 }),
    );
    expect(generateDemoParticipants({ count: 5, seed: 7 })).not.toEqual(
      generateDemoParticipants({ count: 5, seed: 8 }),
    );
  });

  it('never repeats a phone, NIK or email across both waves', () => {
    const phones = everyone.map((p) => p.phone);
    const niks = everyone.flatMap((p) => (p.nik ? [p.nik] : []));
    const emails = everyone.flatMap((p) => (p.email ? [p.email] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(niks).size).toBe(niks.length);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('gives every person a phone in normalised form and a 16-digit Tangsel NIK when any', () => {
    for (const p of everyone) {
      expect(normalizePhone(p.phone)).toBe(p.phone);
      expect(p.phone).toMatch(/^\+628\d{9,10}$/);
      if (p.nik !== null) expect(p.nik).toMatch(/^3674(0[1-7])\d{10}$/);
      if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
    }
  });

  it('has about 80% NIKs and 40% emails', () => {
    const share = (n: number) => n / everyone.length;
    expect(share(everyone.filter((p) => p.nik).length)).toBeGreaterThan(0.74);
    expect(share(everyone.filter((p) => p.nik).length)).toBeLessThan(0.86);
    expect(share(everyone.filter((p) => p.email).length)).toBeGreaterThan(0.34);
    expect(share(everyone.filter((p) => p.email).length)).toBeLessThan(0.46);
  });

  it('looks like a Tangsel roster: titles, apostrophes, cooperatives, local areas', () => {
    const names = everyone.map((p) => p.name);
    const businesses = everyone.map((p) => p.business);
    expect(names.some((n) => /^H\. /.test(n))).toBe(true);
    expect(names.some((n) => /^Hj\. /.test(n))).toBe(true);
    expect(names.some((n) => /^Dr\. /.test(n))).toBe(true);
    expect(names.some((n) => /, S\.\w+\.$/.test(n))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(businesses.some((b) => b.startsWith('Koperasi '))).toBe(true);
    expect(businesses.some((b) => / (Bu|Teh|Mpok|Ci|Uni|Umi|Mbak|Inang) /.test(b))).toBe(true);
    for (const area of ['Serpong', 'Ciputat', 'Pamulang', 'Pondok Aren', 'Setu', 'BSD']) {
      expect(
        businesses.some((b) => b.includes(area)),
        area,
      ).toBe(true);
    }
    expect(new Set(names).size).toBeGreaterThan(everyone.length * 0.8);
  });

  it('imports cleanly through the real CSV path, and a re-import creates nobody', () => {
    const waves = DEMO_EVENT.waves.map((w) => ({ id: w.key, name: w.name }));
    const csv = writeCsv(
      [
        ['Nama Lengkap', 'Nama Usaha', 'No. HP / WhatsApp', 'Email', 'NIK', 'Gelombang'],
        ...roster.wave1.map((p) => [p.name, p.business, p.phone, p.email ?? '', p.nik ?? '', '1']),
        ...roster.wave2.map((p) => [p.name, p.business, p.phone, p.email ?? '', p.nik ?? '', '2']),
      ],
      { delimiter: ';' },
    );
    const read = readRosterCsv(csv, { waves });
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.file.errors).toEqual([]);
    expect(read.file.valid).toHaveLength(782);
    // Phones start with "+", so the export neutralised them; the import reads them back.
    expect(read.file.valid[0]).toMatchObject({ ...roster.wave1[0], waveId: 'wave1' });

    const first = planImport(read.file.valid, [], { defaultWaveId: 'wave1' });
    expect(first.creates).toHaveLength(782);
    const existing: ExistingParticipant[] = first.creates.map((c, i) => ({
      ...c,
      id: `p${i}`,
      status: 'active',
    }));
    const again = planImport(read.file.valid, existing, { defaultWaveId: 'wave1' });
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(again.unchanged).toHaveLength(782);
  });
});

describe('DEMO_EVENT', () => {
  it('describes the two waves in Tangsel, in WIB', () => {
    expect(DEMO_EVENT.name).toBe('Pelatihan dan Sertifikasi UMKM dan Koperasi Tangsel 2026');
    const [w1, w2] = DEMO_EVENT.waves;
    expect(w1).toMatchObject({
      name: 'Gelombang 1',
      venue: 'Aula Blandongan, Puspemkot Tangsel',
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-08T16:00:00+07:00',
    });
    expect(w1.address).toContain('Banten 15310');
    expect(w1.mapUrl).toMatch(
      /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=Aula%20Blandongan/,
    );
    expect(w2).toMatchObject({ name: 'Gelombang 2', venue: 'Balaikota Tangsel' });
    expect(w2.startsAt).toBe('2026-12-15T08:00:00+07:00');
    for (const w of DEMO_EVENT.waves) {
      expect(w.sessions.map((s) => s.name)).toEqual(['Hari 1 — Pagi', 'Hari 1 — Siang']);
      for (const s of w.sessions) {
        expect(Date.parse(s.startsAt)).toBeLessThan(Date.parse(s.endsAt));
        expect(Date.parse(s.startsAt)).toBeGreaterThanOrEqual(Date.parse(w.startsAt));
        expect(Date.parse(s.endsAt)).toBeLessThanOrEqual(Date.parse(w.endsAt));
      }
    }
  });
});

describe('createRng', () => {
  it('repeats for a seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 7));
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.int(3, 7)));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(7);
  });

  it('picks by weight and refuses an empty list', () => {
    const rng = createRng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 3, b: 1 })]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.7);
    expect(counts.a / 10_000).toBeLessThan(0.8);
    expect(() => rng.pick([])).toThrow();
  });
});
