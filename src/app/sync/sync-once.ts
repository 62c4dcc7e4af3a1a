// One sync round: push the outbox in batches (each answered per event, acknowledged only after
// the server's commit), then pull other doors' events and roster changes since the cursor, then
// fetch the manifest again when the pull (or the push) says it changed (a session added, a wave
// moved). A push-only round (`pull: false`, the tablet's own scans with the live stream up; see
// pull-plan.ts) skips the pull unless the push failed, and follows the push answer's version.
// Errors come back as values with words for the health line; nothing here retries by itself.
import type { SyncPullResult, SyncPushResult } from '../../shared/api/sync';
import { PUSH_BATCH_MAX } from '../../shared/api/sync-limits';
import type { HadirDb } from '../db';
import {
  applyPushAnswers,
  getDevice,
  getPullCursor,
  markRevoked,
  outboxBatch,
  recordSyncOutcome,
  savePulledPage,
  setServerMinusDevice,
} from '../db';
import { api, ApiFailure } from '../lib/api';
import { gatherDeviceReport } from './device-report';
import { followManifest } from './manifest-refresh';
import { roundTripOffset } from '../../shared/door/clock';

/**
 * A request that has not answered by then is given up (and retried with backoff): a connection
 * that silently stops answering must not hold the one sync round forever.
 */
const REQUEST_TIMEOUT_MS = 30_000;

/** What one round did. */
export interface SyncReport {
  pushed: number;
  pulled: number;
  /** Conflicts and rejections the server recorded for review. */
  issues: number;
  /** Set when the round stopped early. */
  error: ApiFailure | null;
  /** The device was revoked: the roster is wiped, the scans kept. */
  revoked: boolean;
  /** A changed manifest (sessions, waves, keys, the device's door) was fetched and saved. */
  manifest: boolean;
}

export interface SyncOnceOptions {
  db: HadirDb;
  batchSize?: number;
  /** Stop pulling after this many pages in one round (a long absence catches up over rounds). */
  maxPullPages?: number;
  /** False: push only (the live stream brings the rest). Default true. */
  pull?: boolean;
  now?: () => number;
}

/** A round's report before anything has moved (also what a round with nothing to do returns). */
export function emptySyncReport(): SyncReport {
  return { pushed: 0, pulled: 0, issues: 0, error: null, revoked: false, manifest: false };
}

/** Pushes everything waiting, then pulls (unless told not to); never throws. */
export async function syncOnce(options: SyncOnceOptions): Promise<SyncReport> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const report = emptySyncReport();
  const device = await getDevice(db);
  if (!device) return report;
  const { token } = device;
  try {
    // A push that fails does not end the round: over a weak link a big push body fails where the
    // small pull still gets through, and that pull brings other doors' scans and tells the
    // console how many scans this tablet holds. The push's failure is still the round's error.
    let pushFailure: unknown = null;
    let manifestVersion: string | undefined;
    try {
      manifestVersion = await pushOutbox({ db, token, now, report, batchSize: options.batchSize });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) throw err;
      pushFailure = err;
    }
    // A push-only round whose push failed pulls all the same, for the same reason as above.
    const pages = options.pull === false && pushFailure === null ? 0 : (options.maxPullPages ?? 20);
    for (let page = 0; page < pages; page++) {
      const cursor = await getPullCursor(db);
      const query = new URLSearchParams();
      if (cursor !== null) query.set('cursor', cursor);
      // The report once per round, with its first pull: after the push, so it counts what is left.
      const self = page === 0 ? await gatherDeviceReport(db) : undefined;
      if (self) query.set('report', JSON.stringify(self));
      const search = query.toString() === '' ? '' : `?${query.toString()}`;
      const pulled = await api<SyncPullResult>(`/api/sync/pull${search}`, {
        token,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      // An idle round (nothing new, cursor where it was) writes nothing to the tablet.
      const news = pulled.events.length + pulled.roster.length + pulled.revocations.length > 0;
      if (news || pulled.cursor !== cursor) report.pulled += await savePulledPage(db, pulled);
      manifestVersion = pulled.manifestVersion ?? manifestVersion;
      if (!pulled.more) break;
    }
    report.manifest = await followManifest({
      db,
      token,
      version: manifestVersion,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (pushFailure !== null) throw pushFailure;
    const moved = report.pushed + report.pulled > 0 || report.manifest;
    await recordSyncOutcome(db, { at: now(), error: null, moved });
  } catch (err) {
    const failure =
      err instanceof ApiFailure
        ? err
        : new ApiFailure(0, 'sync-failed', {
            id: 'Sinkronisasi gagal; akan dicoba lagi.',
            en: 'Sync failed; it will be retried.',
          });
    report.error = failure;
    if (failure.status === 401 && failure.code === 'device-revoked') {
      report.revoked = true;
      await markRevoked(db, now());
    }
    await recordSyncOutcome(db, { at: now(), error: failure.messages, moved: true });
  }
  return report;
}

/**
 * Pushes the outbox in batches until it is empty; throws on the first failed request. Returns
 * the manifest version the last answer carried (undefined: nothing pushed, or an older server).
 */
async function pushOutbox(opts: {
  db: HadirDb;
  token: string;
  now: () => number;
  report: SyncReport;
  batchSize: number | undefined;
}): Promise<string | undefined> {
  const { db, token, now, report } = opts;
  const size = Math.min(opts.batchSize ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
  let manifestVersion: string | undefined;
  for (;;) {
    const events = await outboxBatch(db, { limit: size });
    if (events.length === 0) break;
    const sentAt = now();
    const answer = await api<SyncPushResult>('/api/sync/push', {
      token,
      body: { events, sentAt, report: await gatherDeviceReport(db) },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answeredAt = now();
    manifestVersion = answer.manifestVersion ?? manifestVersion;
    const done = await applyPushAnswers(db, answer.results, answeredAt);
    report.pushed += done.acknowledged;
    report.issues += done.issues;
    const serverTime = Date.parse(answer.serverTime);
    const serverReceivedAt = Date.parse(answer.receivedAt);
    if (Number.isFinite(serverTime)) {
      const offset = roundTripOffset({
        sentAt,
        answeredAt,
        serverTime,
        // An older server sends no receivedAt: its answer time alone is the estimate.
        ...(Number.isFinite(serverReceivedAt) ? { serverReceivedAt } : {}),
      });
      await setServerMinusDevice(db, offset);
    }
    if (done.acknowledged === 0) break; // an answer with no results: do not spin
  }
  return manifestVersion;
}
