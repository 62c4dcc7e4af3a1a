// What the door shows for a verdict: its look (look.ts) plus a title and one detail line in
// Bahasa Indonesia and English, built from the verdict's details. Times are WIB.
import type { Bilingual } from '../messages.js';
import type { RosterEntry, SessionRef, WaveRef } from './types.js';
import type { Verdict } from './verdict.js';
import type { VerdictLook } from './look.js';
import { verdictLook } from './look.js';
import { clockText, dayTimeText } from './wib-format.js';

export { admits } from './types.js';
export type { VerdictIcon, VerdictLook, VerdictSound, VerdictTone } from './look.js';
export { VERDICT_LOOKS, verdictLook } from './look.js';

/** A verdict ready to render: look, words and (when known) who it is about. */
export interface VerdictPresentation extends VerdictLook {
  kind: Verdict['kind'];
  title: Bilingual;
  detail: Bilingual;
  /** "Name · Business" when the roster knows them. */
  person?: string;
}

/** Names the door knows for other devices ("Tablet 2"); falls back to the device id. */
export interface PresentOptions {
  deviceName?: (deviceId: string) => string | undefined;
}

/** Everything the door shows for one verdict. */
export function presentVerdict(
  verdict: Verdict,
  options: PresentOptions = {},
): VerdictPresentation {
  const words = wordsFor(verdict, options);
  const participant = 'participant' in verdict ? verdict.participant : undefined;
  return {
    kind: verdict.kind,
    ...verdictLook(verdict.kind),
    ...words,
    ...(participant === undefined ? {} : { person: personText(participant) }),
  };
}

function personText(p: RosterEntry): string {
  return p.business.trim() === '' ? p.name : `${p.name} · ${p.business}`;
}

function wordsFor(v: Verdict, options: PresentOptions): { title: Bilingual; detail: Bilingual } {
  switch (v.kind) {
    case 'admitted':
      return {
        title: { id: 'Silakan masuk', en: 'Welcome in' },
        detail:
          v.participant.phoneLast4 === ''
            ? { id: 'Tiket sah', en: 'Genuine ticket' }
            : {
                id: `Nomor HP berakhiran ${v.participant.phoneLast4}`,
                en: `Phone number ends in ${v.participant.phoneLast4}`,
              },
      };
    case 'valid-not-in-roster':
      return {
        title: {
          id: 'Silakan masuk — belum ada di daftar',
          en: 'Welcome in — not on the list yet',
        },
        detail: {
          id: `Tiket sah; terdaftar setelah sinkronisasi terakhir. Ditandai untuk panitia (ID ${v.participantId}).`,
          en: `Genuine ticket; registered after this tablet last synced. Flagged for the organizer (ID ${v.participantId}).`,
        },
      };
    case 'already-in': {
      const time = clockText(v.at);
      const device = options.deviceName?.(v.deviceId) ?? v.deviceId;
      const who = v.volunteer.trim() === '' ? device : `${device}, ${v.volunteer}`;
      return {
        title: { id: 'Sudah masuk', en: 'Already checked in' },
        detail: {
          id: `Sudah masuk pukul ${time.id} di ${v.door} (${who})`,
          en: `Already in at ${time.en} at ${v.door} (${who})`,
        },
      };
    }
    case 'wrong-wave':
      return {
        title: { id: 'Salah gelombang', en: 'Wrong wave' },
        detail:
          v.wave === undefined
            ? {
                id: 'Gelombang peserta ini tidak dilayani di pintu ini. Arahkan ke panitia.',
                en: "This participant's wave is not checked in at this door. Send them to the organizer.",
              }
            : whereAndWhen(v.wave, v.session),
      };
    case 'wrong-session':
      return { title: { id: 'Bukan sesi ini', en: 'Not this session' }, detail: sessionDetail(v) };
    case 'revoked':
      return {
        title: { id: 'Tiket dicabut', en: 'Ticket revoked' },
        detail:
          v.reason === 'cancelled'
            ? {
                id: 'Pendaftaran peserta ini dibatalkan. Arahkan ke meja panitia.',
                en: "This participant's registration was cancelled. Send them to the organizer's desk.",
              }
            : {
                id: 'Tiket lama: sudah dicabut atau diganti tiket baru. Minta tiket terbaru.',
                en: 'Old ticket: revoked or replaced by a newer one. Ask for the latest ticket.',
              },
      };
    case 'not-a-ticket':
      return {
        title: v.problem.message,
        detail: {
          id: 'Kode ini bukan tiket. Cari peserta dengan nama atau nomor HP.',
          en: 'This code is not a ticket. Search for the participant by name or phone.',
        },
      };
    case 'forged':
      return {
        title: { id: 'Tiket tidak sah', en: 'Ticket not genuine' },
        detail: v.problem.message,
      };
  }
}

// "Gelombang 2 — Balaikota Tangsel, Selasa 15 Desember 08.00": the wave's own name and venue
// are data, the same in both languages; the time is their session's, else the wave's start.
function whereAndWhen(wave: WaveRef, session: SessionRef | undefined): Bilingual {
  const when = dayTimeText(session?.startsAt ?? wave.startsAt);
  const where = `${wave.name} — ${wave.venue}`;
  return { id: `${where}, ${when.id}`, en: `${where}, ${when.en}` };
}

function sessionDetail(v: Extract<Verdict, { kind: 'wrong-session' }>): Bilingual {
  const waveName = v.wave === undefined ? '' : `${v.wave.name} · `;
  const theirs =
    v.session === undefined
      ? undefined
      : (() => {
          const when = dayTimeText(v.session.startsAt);
          const what = `${waveName}${v.session.name}`;
          return { id: `${what}, ${when.id}`, en: `${what}, ${when.en}` };
        })();
  if (v.reason === 'not-now') {
    const now = { id: 'Sesi ini tidak sedang berlangsung', en: 'This session is not on now' };
    return theirs === undefined
      ? { id: `${now.id}.`, en: `${now.en}.` }
      : { id: `${now.id} — sesinya: ${theirs.id}`, en: `${now.en} — theirs: ${theirs.en}` };
  }
  if (theirs !== undefined)
    return { id: `Sesinya: ${theirs.id}`, en: `Their session: ${theirs.en}` };
  const wave = v.wave === undefined ? '' : ` (${v.wave.name})`;
  return {
    id: `Peserta gelombang lain${wave}; bukan sesi ini.`,
    en: `Participant of another wave${wave}; not this session.`,
  };
}
