// From a scanned text (camera, USB scanner, typed) or a roster pick to a verdict that is already
// on disk: decide with the pure rules, write the scan event and its outbox row in one strict
// transaction, and only then hand the verdict back to be shown. One scan at a time, so the next
// person's "already in" always sees the previous write.
import type { SessionRef } from '../../../shared/door/types';
import type { Verdict } from '../../../shared/door/verdict';
import type { VerdictPresentation } from '../../../shared/door/presentation';
import type { HadirDb, RosterEntry, ScanEvent, WalkIn } from '../../db';
import { createCooldown } from '../../../shared/door/cooldown';
import {
  decideManualVerdict,
  decideVerdict,
  verdictParticipantId,
} from '../../../shared/door/verdict';
import { presentVerdict } from '../../../shared/door/presentation';
import { verdictLook } from '../../../shared/door/look';
import type { ScanContext } from '../../db';
import { doorLookups, getScanContext, recordScan, recordUndo, recordWalkIn } from '../../db';

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

/** How long the pairing, keys and clock offset read for one scan serve the next ones. */
const CONTEXT_TTL_MS = 2000;

export interface ScanFlowOptions {
  db: HadirDb;
  /** The device clock; tests pass their own. The server offset is added for session checks. */
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

  // Pairing, keys and clock offset change rarely (a manifest refresh, a sync): read them at most
  // every CONTEXT_TTL_MS instead of on every scan of a busy queue.
  let context: { at: number; value: Promise<ScanContext> } | undefined;
  const scanContext = (): Promise<ScanContext> => {
    const t = performance.now();
    if (!context || t - context.at > CONTEXT_TTL_MS) {
      context = { at: t, value: getScanContext(db) };
      context.value.catch(() => (context = undefined));
    }
    return context.value;
  };

  async function inputs(session: SessionRef) {
    const { device, keys, serverMinusDeviceMs } = await scanContext();
    if (!device) throw new Error('device-not-paired');
    return {
      ...doorLookups(db),
      keys,
      session,
      allowedWaveIds: device.waveIds,
      now: now() + serverMinusDeviceMs,
    };
  }

  async function record(
    verdict: Verdict,
    session: SessionRef,
    source: ScanSource,
    flags: string[] = [],
  ): Promise<ScanOutcome> {
    const ticketVersion = 'ticket' in verdict ? verdict.ticket.version : undefined;
    const event = await recordScan(db, {
      participantId: verdictParticipantId(verdict),
      sessionId: session.id,
      kind: 'check-in',
      verdict: verdict.kind,
      ...(ticketVersion === undefined ? {} : { ticketVersion }),
      ...(flags.length > 0 ? { flags } : {}),
      deviceTime: now(),
    });
    // This tablet's own earlier admissions are named as the organizer named it ("Tablet 1").
    const { device } = await scanContext();
    const deviceName = (id: string) => (id === device?.deviceId ? device.name : undefined);
    return { event, verdict, presentation: presentVerdict(verdict, { deviceName }), source };
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
        const verdict = await decideVerdict({ ...(await inputs(session)), text: trimmed });
        return record(verdict, session, source);
      });
    },

    checkInByHand(participant, session) {
      return serial(async () => {
        const { keys: _keys, ...rest } = await inputs(session);
        const verdict = await decideManualVerdict({ ...rest, participant });
        return record(verdict, session, 'search', ['manual-search']);
      });
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
