// What sync writes: acknowledgements leave the outbox (after the server's commit, never before),
// pulled events and roster changes join what the tablet holds, and the cursor moves with them
// in the same transaction, so an interrupted pull resumes where it stopped.
import type { HadirDb } from './database';
import type { Revocation, RosterEntry, ScanEvent, SyncIssueRow } from './types';
import type { MetaReader } from './meta';
import { getMeta, readAllMeta, setMeta } from './meta';
import { wipeRoster } from './roster';
import { rosterWords } from './words';

/** The server's answer for one pushed event (src/shared/api/sync.ts PushResult). */
export interface PushAnswer {
  id: string;
  status: 'stored' | 'duplicate' | 'conflict' | 'rejected';
  code?: string;
  message?: string;
}

/** Applies a push's answers: every answered event leaves the outbox; conflicts and rejections are kept for review. */
export async function applyPushAnswers(
  db: HadirDb,
  answers: readonly PushAnswer[],
  at: number,
): Promise<{ acknowledged: number; issues: number }> {
  const issues: SyncIssueRow[] = answers
    .filter((a) => a.status === 'conflict' || a.status === 'rejected')
    .map((a) => ({
      eventId: a.id,
      status: a.status as SyncIssueRow['status'],
      code: a.code ?? a.status,
      message: a.message ?? '',
      at,
    }));
  await db.transaction('rw', db.outbox, db.syncIssues, async () => {
    await db.outbox.bulkDelete(answers.map((a) => a.id));
    if (issues.length > 0) await db.syncIssues.bulkPut(issues);
  });
  return { acknowledged: answers.length, issues: issues.length };
}

/** One pull page as the tablet keeps it. */
export interface PulledPage {
  events: readonly ScanEvent[];
  roster: readonly RosterEntry[];
  revocations: readonly Revocation[];
  cursor: string;
}

/** Saves one pulled page and its cursor atomically; events already held are left as they are. */
export async function savePulledPage(db: HadirDb, page: PulledPage): Promise<number> {
  const tables = [db.scanEvents, db.roster, db.revocations, db.meta];
  return db.transaction('rw', tables, async () => {
    const ids = page.events.map((e) => e.id);
    const held = await db.scanEvents.bulkGet(ids);
    const fresh = page.events.filter((_, i) => held[i] === undefined);
    if (fresh.length > 0) await db.scanEvents.bulkAdd([...fresh]);
    if (page.roster.length > 0) {
      await db.roster.bulkPut(page.roster.map((e) => ({ ...e, words: rosterWords(e) })));
    }
    if (page.revocations.length > 0) await db.revocations.bulkPut([...page.revocations]);
    await setMeta(db, 'pullCursor', page.cursor);
    return fresh.length;
  });
}

/** Where the first pull starts (the manifest's cursor: the roster just downloaded is current). */
export async function startPullAt(db: HadirDb, cursor: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await getMeta(db, 'pullCursor')) === undefined) await setMeta(db, 'pullCursor', cursor);
  });
}

/** The cursor to pull from, or null before the first pull. */
export async function getPullCursor(db: HadirDb): Promise<string | null> {
  return (await getMeta(db, 'pullCursor')) ?? null;
}

/**
 * Remembers how the last sync ended — on disk only when it says something new: data moved, or
 * the error changed. An idle round every minute must not write (the sync engine keeps the time
 * of the last good round in memory for the health line).
 */
export async function recordSyncOutcome(
  db: HadirDb,
  outcome: { at: number; error: { id: string; en: string } | null; moved: boolean },
): Promise<void> {
  if (!outcome.moved) {
    const before = (await getMeta(db, 'lastSyncError')) ?? null;
    if (JSON.stringify(before) === JSON.stringify(outcome.error)) return;
  }
  await db.transaction('rw', db.meta, async () => {
    if (outcome.error === null) await setMeta(db, 'lastSyncAt', outcome.at);
    await setMeta(db, 'lastSyncError', outcome.error);
  });
}

/** The server revoked this device: the roster goes, the scans and the outbox stay. */
export async function markRevoked(db: HadirDb, at: number): Promise<void> {
  await wipeRoster(db);
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'revokedAt', at);
    await db.meta.delete('pullCursor');
  });
}

/** How sync stands, for the health line. */
export interface SyncStatus {
  lastSyncAt: number | null;
  lastSyncError: { id: string; en: string } | null;
  revokedAt: number | null;
  issues: number;
}

/** Reads the sync bookkeeping in one transaction. */
export async function getSyncStatus(db: HadirDb): Promise<SyncStatus> {
  return db.transaction('r', db.meta, db.syncIssues, async () => {
    const [meta, issues] = await Promise.all([readAllMeta(db), db.syncIssues.count()]);
    return syncStatusOf(meta, issues);
  });
}

/** The sync bookkeeping from meta values and the count of sync issues, already read. */
export function syncStatusOf(meta: MetaReader, issues: number): SyncStatus {
  return {
    lastSyncAt: meta('lastSyncAt') ?? null,
    lastSyncError: meta('lastSyncError') ?? null,
    revokedAt: meta('revokedAt') ?? null,
    issues,
  };
}

/** Pushed events the server did not simply store, newest first. */
export async function listSyncIssues(db: HadirDb): Promise<SyncIssueRow[]> {
  return db.syncIssues.orderBy('eventId').reverse().toArray();
}
