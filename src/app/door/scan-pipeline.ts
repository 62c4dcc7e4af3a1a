// From a scanned text (camera, USB scanner, typed) or a roster pick to a verdict that is already
// on disk: check the signature (WebCrypto, outside any transaction), then judge with the pure
// rules and append the scan event and its outbox row in ONE strict read-write transaction, and
// only then hand the verdict back to be shown. One scan at a time, so the next person's
// "already in" always sees the previous write. Part of the door engine (door-engine.ts).
import type { SessionRef } from '../../shared/door/types';
import type { Verdict } from '../../shared/door/verdict';
import type { VerdictPresentation } from '../../shared/door/presentation';
import type { DeviceRow, HadirDb, KeyRow, RosterEntry, ScanEvent, WalkIn } from '../db';
import { createCooldown } from '../../shared/door/cooldown';
import {
  checkTicketText,
  decideManualVerdict,
  judgeTicket,
  verdictParticipantId,
} from '../../shared/door/verdict';
import { presentVerdict } from '../../shared/door/presentation';
import { verdictLook } from '../../shared/door/look';
import { judgeAndRecord, recordScan, recordUndo, recordWalkIn } from '../db';

/** How a scan reached the door. */
export type ScanSource = 'camera' | 'keyboard' | 'typed' | 'search';

/** A verdict that has been recorded, ready to show. */
export interface ScanOutcome {
  event: ScanEvent;
  /** null for a walk-in, which no rule judged. */
  verdict: Verdict | null;
  presentation: VerdictPresentation;
  source: ScanSource;
}

/** What every scan needs besides the ticket; the engine keeps it in memory. */
export interface ScanContext {
  device: DeviceRow;
  keys: readonly KeyRow[];
  /** Server minus device clock, ms: added to the device clock for session times. */
  serverMinusDeviceMs: number;
}

export interface ScanFlowOptions {
  db: HadirDb;
  /** The pairing, keys and clock offset as the engine holds them now. */
  context: () => ScanContext;
  /** The device clock; tests pass their own. */
  now?: () => number;
  cooldownMs?: number;
}

export interface ScanFlow {
  /** Judges and records scanned text; null when the cool-down says it is the same showing. */
  scan(
    text: string,
    options: { session: SessionRef; source: ScanSource },
  ): Promise<ScanOutcome | null>;
  /** Judges and records a check-in picked from the roster (flagged: no ticket was shown). */
  checkInByHand(participant: RosterEntry, session: SessionRef): Promise<ScanOutcome>;
  /** Admits someone again after already-in (they went out and came back), recorded as re-entry. */
  reEnter(outcome: ScanOutcome): Promise<ScanOutcome>;
  /** A supervisor lets in someone the rules refused; recorded as an override with their name. */
  override(outcome: ScanOutcome, supervisor: string): Promise<ScanOutcome>;
  /** Registers and admits a walk-in, flagged for the organizer. */
  walkIn(walkIn: WalkIn, session: SessionRef): Promise<ScanOutcome>;
  /** Cancels an admission with an undo event. */
  undo(eventId: string): Promise<ScanEvent>;
}

/** Verdicts a supervisor may overrule: the person is known, only a rule said no. */
export function canOverride(outcome: ScanOutcome): boolean {
  const kind = outcome.verdict?.kind;
  return (
    outcome.event.participantId !== null &&
    (kind === 'wrong-wave' || kind === 'wrong-session' || kind === 'revoked')
  );
}

/** The door's scan pipeline over one database. */
export function createScanFlow(options: ScanFlowOptions): ScanFlow {
  const { db } = options;
  const now = options.now ?? Date.now;
  const cooldown = createCooldown({ ms: options.cooldownMs ?? 3000 });
  let queue: Promise<unknown> = Promise.resolve();

  // Runs jobs one after another; a failed job does not stop the ones after it.
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const judgeInput = (session: SessionRef) => {
    const { device, serverMinusDeviceMs } = options.context();
    return { session, allowedWaveIds: device.waveIds, now: now() + serverMinusDeviceMs };
  };

  // This tablet's own earlier admissions are named as the organizer named it ("Tablet 1").
  const present = (verdict: Verdict) => {
    const { device } = options.context();
    const deviceName = (id: string) => (id === device.deviceId ? device.name : undefined);
    return presentVerdict(verdict, { deviceName });
  };

  /** Judges inside the write transaction and records; one read-write transaction per scan. */
  async function judgeAndSave(
    judge: Parameters<typeof judgeAndRecord<Verdict>>[1]['judge'],
    session: SessionRef,
    source: ScanSource,
    flags: string[] = [],
  ): Promise<ScanOutcome> {
    const { verdict, event } = await judgeAndRecord(db, {
      judge,
      draft: (v) => {
        const ticketVersion = 'ticket' in v ? v.ticket.version : undefined;
        return {
          participantId: verdictParticipantId(v),
          sessionId: session.id,
          kind: 'check-in',
          verdict: v.kind,
          ...(ticketVersion === undefined ? {} : { ticketVersion }),
          ...(flags.length > 0 ? { flags } : {}),
          deviceTime: now(),
        };
      },
    });
    return { event, verdict, presentation: present(verdict), source };
  }

  // An explicit admission after a refusal or already-in: a new event of its own kind.
  const admitAgain = (
    outcome: ScanOutcome,
    kind: 're-entry' | 'override',
    words: Pick<VerdictPresentation, 'title' | 'detail'>,
    flags: string[],
  ): Promise<ScanOutcome> =>
    serial(async () => {
      const { participantId, sessionId, verdict, ticketVersion } = outcome.event;
      const event = await recordScan(db, {
        participantId,
        sessionId,
        kind,
        verdict: verdict ?? outcome.presentation.kind,
        ...(ticketVersion === undefined ? {} : { ticketVersion }),
        ...(flags.length > 0 ? { flags } : {}),
        deviceTime: now(),
      });
      return { ...outcome, event, presentation: admittedAgain(outcome, words) };
    });

  return {
    scan(text, { session, source }) {
      const trimmed = text.trim();
      // Only the camera sees one code many times a second; a typed or wedge entry is deliberate.
      if (source === 'camera' && cooldown.shouldIgnore(trimmed, performance.now())) {
        return Promise.resolve(null);
      }
      return serial(async () => {
        const checked = await checkTicketText(trimmed, options.context().keys);
        const input = judgeInput(session);
        return judgeAndSave(
          async (lookups) =>
            'kind' in checked ? checked : judgeTicket(checked.payload, { ...lookups, ...input }),
          session,
          source,
        );
      });
    },

    checkInByHand(participant, session) {
      return serial(() =>
        judgeAndSave(
          (lookups) => decideManualVerdict({ ...lookups, ...judgeInput(session), participant }),
          session,
          'search',
          ['manual-search'],
        ),
      );
    },

    reEnter(outcome) {
      return admitAgain(outcome, 're-entry', reEntryWords, []);
    },

    override(outcome, supervisor) {
      const flags = [`supervisor:${supervisor.trim()}`];
      return admitAgain(outcome, 'override', overrideWords(supervisor), flags);
    },

    walkIn(walkIn, session) {
      return serial(async () => {
        const event = await recordWalkIn(db, {
          walkIn: { ...walkIn, waveId: walkIn.waveId ?? session.waveId },
          sessionId: session.id,
          deviceTime: now(),
        });
        const person =
          walkIn.business.trim() === '' ? walkIn.name : `${walkIn.name} · ${walkIn.business}`;
        const presentation: VerdictPresentation = {
          kind: 'valid-not-in-roster',
          ...verdictLook('valid-not-in-roster'),
          title: { id: 'Peserta tanpa tiket — silakan masuk', en: 'Walk-in — welcome in' },
          detail: {
            id: 'Didaftarkan di pintu dan ditandai untuk panitia.',
            en: 'Registered at the door and flagged for the organizer.',
          },
          person,
        };
        return { event, verdict: null, presentation, source: 'typed' as const };
      });
    },

    undo(eventId) {
      return serial(() => recordUndo(db, { undoes: eventId, deviceTime: now() }));
    },
  };
}

const reEntryWords = {
  title: { id: 'Masuk ulang — silakan', en: 'Re-entry — welcome back' },
  detail: { id: 'Dicatat sebagai masuk ulang.', en: 'Recorded as a re-entry.' },
};

const overrideWords = (supervisor: string) => ({
  title: { id: 'Diizinkan supervisor', en: 'Let in by a supervisor' },
  detail: {
    id: `Izin dari ${supervisor.trim()}; ditandai untuk panitia.`,
    en: `Allowed by ${supervisor.trim()}; flagged for the organizer.`,
  },
});

// An explicit admission after a refusal or already-in: the admitted look, the person kept.
function admittedAgain(
  outcome: ScanOutcome,
  words: Pick<VerdictPresentation, 'title' | 'detail'>,
): VerdictPresentation {
  const person = outcome.presentation.person;
  return {
    kind: 'admitted',
    ...verdictLook('admitted'),
    ...words,
    ...(person === undefined ? {} : { person }),
  };
}
