import { describe, expect, it } from 'vitest';
import type { TicketPayload } from '../ticket/codec.js';
import type { Verdict } from './verdict.js';
import { ticketProblem } from '../ticket/problems.js';
import { contrastRatio } from './contrast.js';
import { VERDICT_KINDS } from './types.js';
import { VERDICT_LOOKS, admits, presentVerdict, verdictLook } from './presentation.js';
import { entry, w1day2, w2day1, wave2 } from './test-fixtures.js';

const participant = entry({ name: 'Siti Aminah', business: 'Keripik Tempe', phoneLast4: '7788' });
const ticket: TicketPayload = {
  kid: 'KIDKID22',
  participantId: participant.participantId,
  waveId: participant.waveId,
  version: 1,
};
const at0812 = Date.parse('2026-12-08T08:12:00+07:00');

/** One verdict of every kind, with typical details. */
const samples: Verdict[] = [
  { kind: 'admitted', ticket, participant },
  {
    kind: 'already-in',
    ticket,
    participant,
    eventId: 'E1',
    at: at0812,
    door: 'Pintu Timur',
    deviceId: 'DEV-2',
    volunteer: 'Rina',
  },
  { kind: 'wrong-wave', ticket, participant, waveId: wave2.id, wave: wave2, session: w2day1 },
  {
    kind: 'wrong-session',
    ticket,
    participant,
    reason: 'other-wave',
    session: w2day1,
    wave: wave2,
  },
  { kind: 'revoked', ticket, participantId: ticket.participantId, reason: 'cancelled' },
  { kind: 'valid-not-in-roster', ticket, participantId: 'NEWCOMER23456789', waveId: 'WAVEAAAA' },
  { kind: 'not-a-ticket', problem: ticketProblem('not-a-ticket') },
  { kind: 'forged', problem: ticketProblem('bad-signature'), reason: 'bad-signature' },
];

describe('verdict looks', () => {
  it('covers every verdict kind exactly once', () => {
    expect(Object.keys(VERDICT_LOOKS).sort()).toEqual([...VERDICT_KINDS].sort());
    expect(samples.map((v) => v.kind).sort()).toEqual([...VERDICT_KINDS].sort());
  });

  it.each(VERDICT_KINDS)('%s has text on background at WCAG AA contrast (≥ 4.5:1)', (kind) => {
    const { background, text } = VERDICT_LOOKS[kind].colour;
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every verdict its own colour, icon, sound and vibration', () => {
    const looks = VERDICT_KINDS.map((k) => VERDICT_LOOKS[k]);
    const distinct = (f: (l: (typeof looks)[number]) => unknown) =>
      new Set(looks.map((l) => JSON.stringify(f(l)))).size;
    expect(distinct((l) => l.colour.background)).toBe(VERDICT_KINDS.length);
    expect(distinct((l) => l.icon)).toBe(VERDICT_KINDS.length);
    expect(distinct((l) => l.sound)).toBe(VERDICT_KINDS.length);
    expect(distinct((l) => l.vibration)).toBe(VERDICT_KINDS.length);
  });

  it('admitted beeps once, short and high; warnings play two tones; errors buzz low and long', () => {
    expect(VERDICT_LOOKS.admitted.tone).toBe('success');
    for (const kind of ['revoked', 'not-a-ticket', 'forged'] as const) {
      expect(VERDICT_LOOKS[kind].tone).toBe('error');
    }
    for (const kind of VERDICT_KINDS) {
      const { tone, sound, vibration } = VERDICT_LOOKS[kind];
      const heard = sound.tones.filter((t) => t.freq > 0);
      if (tone === 'success') {
        expect(heard).toHaveLength(1);
        expect(heard[0]!.freq).toBeGreaterThanOrEqual(1000);
        expect(heard[0]!.ms).toBeLessThanOrEqual(150);
      } else if (tone === 'warning') {
        expect(heard, kind).toHaveLength(2);
      } else {
        expect(heard, kind).toHaveLength(1);
        expect(heard[0]!.freq).toBeLessThanOrEqual(300);
        expect(heard[0]!.ms).toBeGreaterThanOrEqual(400);
      }
      for (const t of sound.tones) expect(t.ms).toBeGreaterThan(0);
      expect(vibration.length % 2).toBe(1); // starts and ends with a buzz
      for (const ms of vibration) expect(Number.isInteger(ms) && ms > 0).toBe(true);
    }
  });

  it('hands out copies, so a caller cannot change the table', () => {
    const look = verdictLook('admitted');
    look.vibration.push(999);
    look.colour.background = '#000000';
    expect(VERDICT_LOOKS.admitted.vibration).toEqual([80]);
    expect(VERDICT_LOOKS.admitted.colour.background).toBe('#1b5e20');
  });

  it('admits only admitted and valid-not-in-roster', () => {
    expect(VERDICT_KINDS.filter(admits)).toEqual(['admitted', 'valid-not-in-roster']);
  });
});

describe('presentVerdict words', () => {
  it.each(samples)('$kind has a title and a detail in both languages', (verdict) => {
    const p = presentVerdict(verdict);
    expect(p.kind).toBe(verdict.kind);
    expect(p.icon).toBe(VERDICT_LOOKS[verdict.kind].icon);
    for (const text of [p.title.id, p.title.en, p.detail.id, p.detail.en]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
    expect(p.title.id).not.toBe(p.title.en);
  });

  it('admitted: who, and the phone digits to confirm it is them', () => {
    const p = presentVerdict(samples[0]!);
    expect(p.title).toEqual({ id: 'Silakan masuk', en: 'Welcome in' });
    expect(p.person).toBe('Siti Aminah · Keripik Tempe');
    expect(p.detail).toEqual({
      id: 'Nomor HP berakhiran 7788',
      en: 'Phone number ends in 7788',
    });
  });

  it('already-in: when (WIB), which door, which device, which volunteer', () => {
    const p = presentVerdict(samples[1]!, {
      deviceName: (id) => (id === 'DEV-2' ? 'Tablet 2' : undefined),
    });
    expect(p.detail).toEqual({
      id: 'Sudah masuk pukul 08.12 di Pintu Timur (Tablet 2, Rina)',
      en: 'Already in at 08:12 at Pintu Timur (Tablet 2, Rina)',
    });
    expect(presentVerdict(samples[1]!).detail.id).toBe(
      'Sudah masuk pukul 08.12 di Pintu Timur (DEV-2, Rina)',
    );
  });

  it('wrong-wave: where and when to go instead', () => {
    expect(presentVerdict(samples[2]!).detail).toEqual({
      id: 'Gelombang 2 — Balaikota Tangsel, Selasa 15 Desember 08.00',
      en: 'Gelombang 2 — Balaikota Tangsel, Tuesday 15 December 08:00',
    });
    const unknown = presentVerdict({ kind: 'wrong-wave', ticket, waveId: 'WAVEZZZZ' });
    expect(unknown.detail.en).toMatch(/not checked in at this door/);
    expect(unknown.person).toBeUndefined();
  });

  it('wrong-session: which session they belong to, and when', () => {
    expect(presentVerdict(samples[3]!).detail).toEqual({
      id: 'Sesinya: Gelombang 2 · Hari 1, Selasa 15 Desember 08.00',
      en: 'Their session: Gelombang 2 · Hari 1, Tuesday 15 December 08:00',
    });
    const notNow = presentVerdict({
      kind: 'wrong-session',
      ticket,
      participant,
      reason: 'not-now',
      session: w1day2,
    });
    expect(notNow.detail).toEqual({
      id: 'Sesi ini tidak sedang berlangsung — sesinya: Hari 2, Rabu 9 Desember 08.00',
      en: 'This session is not on now — theirs: Hari 2, Wednesday 9 December 08:00',
    });
    const bare = presentVerdict({ kind: 'wrong-session', ticket, reason: 'other-wave' });
    expect(bare.detail.id).toBe('Peserta gelombang lain; bukan sesi ini.');
  });

  it('revoked: cancelled and re-issued say different things', () => {
    const cancelled = presentVerdict(samples[4]!);
    const reissued = presentVerdict({ ...samples[4]!, reason: 'reissued' } as Verdict);
    expect(cancelled.detail.id).toMatch(/dibatalkan/);
    expect(reissued.detail.id).toMatch(/tiket baru/);
    expect(cancelled.title).toEqual(reissued.title);
  });

  it('valid-not-in-roster, not-a-ticket and forged explain what to do', () => {
    expect(presentVerdict(samples[5]!).detail.en).toMatch(/Flagged.*NEWCOMER23456789/);
    expect(presentVerdict(samples[6]!).title).toEqual({
      id: 'Bukan tiket Hadir',
      en: 'Not a Hadir ticket',
    });
    expect(presentVerdict(samples[7]!).detail).toEqual(ticketProblem('bad-signature').message);
    const otherEvent = presentVerdict({
      kind: 'forged',
      problem: ticketProblem('unknown-key'),
      reason: 'unknown-key',
    });
    expect(otherEvent.detail.en).toMatch(/another event/);
  });
});
