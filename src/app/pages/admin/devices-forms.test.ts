import { describe, expect, it } from 'vitest';
import type { DeviceInfo, PairingOffer } from '../../../shared/api/door';
import type { WaveInfo } from '../../../shared/api/schemas';
import {
  buildPairingBody,
  deviceFormState,
  deviceWaveNames,
  formatCountdown,
  localDeadline,
  newlyPaired,
  remainingMs,
  toggleWave,
} from './devices-forms';

const wave = (id: string, name: string): WaveInfo => ({
  id,
  eventId: 'E',
  name,
  venue: 'Aula',
  address: '',
  mapUrl: null,
  startsAt: '2026-12-08T08:00:00+07:00',
  endsAt: '2026-12-08T16:00:00+07:00',
  sessions: [],
  participantCount: 0,
});
const waves = [wave('W1', 'Gelombang 1'), wave('W2', 'Gelombang 2')];

const device = (over: Partial<DeviceInfo>): DeviceInfo => ({
  id: 'D1',
  eventId: 'E',
  name: 'Tablet 1',
  door: 'Pintu Utama',
  waveIds: ['W1'],
  createdAt: '2026-12-08T00:00:00.000Z',
  lastSeenAt: null,
  revokedAt: null,
  ...over,
});

describe('device form', () => {
  it('ticks the only wave, and none when there is a choice', () => {
    expect(deviceFormState([waves[0]!]).waveIds).toEqual(['W1']);
    expect(deviceFormState(waves).waveIds).toEqual([]);
  });

  it('keeps the waves in event order whatever order they are ticked', () => {
    let f = deviceFormState(waves);
    f = toggleWave(f, waves, 'W2', true);
    f = toggleWave(f, waves, 'W1', true);
    expect(f.waveIds).toEqual(['W1', 'W2']);
    expect(toggleWave(f, waves, 'W2', false).waveIds).toEqual(['W1']);
  });

  it('builds the body with trimmed text, or names the field to fix', () => {
    expect(buildPairingBody({ name: ' Tablet 1 ', door: 'Pintu ', waveIds: ['W1'] }).body).toEqual({
      name: 'Tablet 1',
      door: 'Pintu',
      waveIds: ['W1'],
    });
    expect(buildPairingBody({ name: ' ', door: 'P', waveIds: ['W1'] }).problem?.field).toBe('name');
    expect(buildPairingBody({ name: 'T', door: '', waveIds: ['W1'] }).problem?.field).toBe('door');
    const noWave = buildPairingBody({ name: 'T', door: 'P', waveIds: [] }).problem;
    expect(noWave?.field).toBe('waveIds');
    expect(noWave?.message.id).toMatch(/gelombang/);
    expect(noWave?.message.en).toMatch(/wave/);
  });
});

describe('pairing countdown', () => {
  const offer: PairingOffer = {
    code: 'ABCD-EFGH',
    qrText: 'https://hadir.test/scan/pair#ABCD-EFGH',
    // The server's clock is an hour behind this laptop's: the countdown must not care.
    expiresAt: '2026-12-08T00:10:00.000Z',
    expiresInSeconds: 600,
    name: 'Tablet 1',
    door: 'Pintu',
    waveIds: ['W1'],
  };
  const at = (iso: string) => Date.parse(iso);
  const deadline = localDeadline(offer, at('2026-12-08T01:00:00.000Z'));
  it('counts down from when the code arrived, in minutes and seconds, rounding up', () => {
    expect(formatCountdown(remainingMs(deadline, at('2026-12-08T01:00:00.000Z')))).toBe('10:00');
    expect(formatCountdown(remainingMs(deadline, at('2026-12-08T01:00:55.500Z')))).toBe('9:05');
    expect(formatCountdown(remainingMs(deadline, at('2026-12-08T01:09:59.900Z')))).toBe('0:01');
  });
  it('stops at zero once expired', () => {
    expect(remainingMs(deadline, at('2026-12-08T01:10:00.000Z'))).toBe(0);
    expect(remainingMs(deadline, at('2026-12-08T02:00:00.000Z'))).toBe(0);
    expect(formatCountdown(0)).toBe('0:00');
    expect(remainingMs(NaN, 0)).toBe(0);
  });
});

describe('device list', () => {
  it('spots the tablet that just paired with the shown code', () => {
    const known = new Set(['D1']);
    const list = [
      device({}),
      device({ id: 'D2', name: 'Tablet 2' }),
      device({ id: 'D3', name: 'Tablet 3' }),
    ];
    expect(newlyPaired(list, known, 'Tablet 3')?.id).toBe('D3');
    expect(newlyPaired(list, known, 'Tablet 1')).toBeUndefined();
    expect(newlyPaired([device({ id: 'D4', revokedAt: 'x' })], known, 'Tablet 1')).toBeUndefined();
  });
  it('names the waves in event order', () => {
    expect(deviceWaveNames(device({ waveIds: ['W2', 'W1', 'GONE'] }), waves)).toEqual([
      'Gelombang 1',
      'Gelombang 2',
      'GONE',
    ]);
  });
});
