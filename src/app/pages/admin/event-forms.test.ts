import { describe, expect, it } from 'vitest';
import { buildSessionBody, buildWaveBody, waveFormState } from './event-forms';

const good = {
  name: 'Gelombang 1',
  venue: 'Aula Blandongan',
  address: 'Puspemkot Tangsel',
  mapUrl: '',
  startsAt: '2026-12-08T08:00',
  endsAt: '2026-12-09T16:00',
};

describe('wave form', () => {
  it('builds a WaveBody in WIB with a null map link when empty', () => {
    expect(buildWaveBody(good).body).toEqual({
      name: 'Gelombang 1',
      venue: 'Aula Blandongan',
      address: 'Puspemkot Tangsel',
      mapUrl: null,
      startsAt: '2026-12-08T08:00:00+07:00',
      endsAt: '2026-12-09T16:00:00+07:00',
    });
  });
  it('points at the field to fix', () => {
    expect(buildWaveBody({ ...good, venue: ' ' }).problem?.field).toBe('venue');
    expect(buildWaveBody({ ...good, mapUrl: 'maps.google.com' }).problem?.field).toBe('mapUrl');
    expect(buildWaveBody({ ...good, endsAt: '2026-12-08T07:00' }).problem?.field).toBe('endsAt');
    expect(buildWaveBody({ ...good, startsAt: '' }).problem?.field).toBe('startsAt');
  });
  it('round-trips a saved wave', () => {
    const saved = {
      id: 'w1',
      eventId: 'e1',
      sessions: [],
      participantCount: 0,
      ...buildWaveBody({ ...good, mapUrl: 'https://maps.app.goo.gl/x' }).body!,
    };
    expect(waveFormState(saved)).toEqual({ ...good, mapUrl: 'https://maps.app.goo.gl/x' });
  });
});

describe('session form', () => {
  it('needs a name and an end after the start', () => {
    expect(
      buildSessionBody({ name: '', startsAt: good.startsAt, endsAt: good.endsAt }).problem?.field,
    ).toBe('name');
    expect(
      buildSessionBody({ name: 'Hari 1', startsAt: good.startsAt, endsAt: good.startsAt }).problem
        ?.field,
    ).toBe('endsAt');
  });
});
