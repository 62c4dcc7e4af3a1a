// Wave and session forms: what the inputs hold, and the API body built from them (WIB times).
import type { SessionBody, SessionInfo, WaveBody, WaveInfo } from '../../../shared/api/schemas';
import type { Bilingual } from '../../../shared/messages';
import { isoToWibInput, wibInputToIso } from './wib-time';

export interface WaveFormState {
  name: string;
  venue: string;
  address: string;
  mapUrl: string;
  startsAt: string;
  endsAt: string;
}

export interface SessionFormState {
  name: string;
  startsAt: string;
  endsAt: string;
}

export type FormProblem = { field: string; message: Bilingual };
type Built<T> = { body: T; problem: null } | { body: null; problem: FormProblem };

/** The form's starting values: a wave being edited, or empty fields. */
export function waveFormState(wave?: WaveInfo): WaveFormState {
  return {
    name: wave?.name ?? '',
    venue: wave?.venue ?? '',
    address: wave?.address ?? '',
    mapUrl: wave?.mapUrl ?? '',
    startsAt: wave ? isoToWibInput(wave.startsAt) : '',
    endsAt: wave ? isoToWibInput(wave.endsAt) : '',
  };
}

/** A session being edited, or a new one spanning its wave. */
export function sessionFormState(wave: WaveInfo, session?: SessionInfo): SessionFormState {
  return {
    name: session?.name ?? '',
    startsAt: isoToWibInput(session?.startsAt ?? wave.startsAt),
    endsAt: isoToWibInput(session?.endsAt ?? wave.endsAt),
  };
}

const required = (field: string, id: string, en: string): FormProblem => ({
  field,
  message: { id: `Isi ${id}.`, en: `Enter the ${en}.` },
});

function times(f: {
  startsAt: string;
  endsAt: string;
}): { startsAt: string; endsAt: string } | FormProblem {
  const startsAt = wibInputToIso(f.startsAt);
  if (!startsAt) return required('startsAt', 'waktu mulai', 'start time');
  const endsAt = wibInputToIso(f.endsAt);
  if (!endsAt) return required('endsAt', 'waktu selesai', 'end time');
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    return {
      field: 'endsAt',
      message: {
        id: 'Waktu selesai harus setelah waktu mulai.',
        en: 'The end must be after the start.',
      },
    };
  }
  return { startsAt, endsAt };
}

/** The WaveBody for the API, or the first thing to fix. */
export function buildWaveBody(f: WaveFormState): Built<WaveBody> {
  if (!f.name.trim())
    return { body: null, problem: required('name', 'nama gelombang', 'wave name') };
  if (!f.venue.trim()) return { body: null, problem: required('venue', 'tempat', 'venue') };
  const mapUrl = f.mapUrl.trim();
  if (mapUrl && !/^https?:\/\/\S+$/.test(mapUrl)) {
    return {
      body: null,
      problem: {
        field: 'mapUrl',
        message: {
          id: 'Tautan peta harus diawali https:// (misalnya dari Google Maps).',
          en: 'The map link must start with https:// (e.g. from Google Maps).',
        },
      },
    };
  }
  const span = times(f);
  if ('field' in span) return { body: null, problem: span };
  return {
    body: {
      name: f.name.trim(),
      venue: f.venue.trim(),
      address: f.address.trim(),
      mapUrl: mapUrl || null,
      ...span,
    },
    problem: null,
  };
}

/** The SessionBody for the API, or the first thing to fix. */
export function buildSessionBody(f: SessionFormState): Built<SessionBody> {
  if (!f.name.trim()) return { body: null, problem: required('name', 'nama sesi', 'session name') };
  const span = times(f);
  if ('field' in span) return { body: null, problem: span };
  return { body: { name: f.name.trim(), ...span }, problem: null };
}
