// The door's health at a glance: online or not, scans waiting to be sent and for how long, the
// roster size, whether storage is persistent, and how far the tablet's clock is off.
import { useEffect, useState } from 'preact/hooks';
import type { DoorHealth, DoorStatus } from '../../db';
import { clockText } from '../../../shared/door/wib-format';
import { useSyncEngineState } from '../../sync/door-sync';
import { pickText, useLang } from '../../i18n/i18n';
import { useOnline } from '../../lib/use-online';
import { SyncIssueList } from './SyncIssueList';

/** Beyond this the tablet's clock is called wrong (ARCHITECTURE.md, Sync: Clocks). */
export const CLOCK_WARNING_MS = 2 * 60 * 1000;

/** A clock tick every `ms`, so ages stay current. */
function useTick(ms: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function minutes(ms: number): number {
  return Math.max(0, Math.round(ms / 60000));
}

/** The one-line status bar at the bottom of the door. */
export function HealthLine(props: { status: DoorStatus | null; health: DoorHealth | null }) {
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const online = useOnline();
  const unsynced = props.health?.unsynced;
  const oldestAt = props.health?.oldestUnsyncedAt ?? null;
  const roster = props.health?.rosterCount;
  const now = useTick(30_000);
  const sync = props.health?.sync;
  const engine = useSyncEngineState();
  const persistence = props.status?.persistence;
  const serverMinusDeviceMs = props.status?.serverMinusDeviceMs ?? null;
  // The last good round: in memory while this page runs, else what the tablet saved.
  const lastSyncAt = Math.max(engine.lastOkAt ?? 0, sync?.lastSyncAt ?? 0) || null;
  const clockOff = serverMinusDeviceMs !== null && Math.abs(serverMinusDeviceMs) > CLOCK_WARNING_MS;

  return (
    <footer class="door-health" data-testid="health" data-online={String(online)}>
      <span class={online ? 'ok' : 'warn'} data-testid="health-online">
        {online ? tx({ id: '● Online', en: '● Online' }) : tx({ id: '○ Offline', en: '○ Offline' })}
      </span>
      <span data-testid="health-unsynced" data-count={unsynced ?? ''}>
        {unsynced === 0
          ? tx({ id: 'Semua pemindaian tersimpan di server', en: 'All scans are on the server' })
          : tx({
              id: `Belum terkirim: ${unsynced ?? '…'}${oldestAt !== null ? ` (tertua ${minutes(now - oldestAt)} mnt)` : ''}`,
              en: `Not sent yet: ${unsynced ?? '…'}${oldestAt !== null ? ` (oldest ${minutes(now - oldestAt)} min)` : ''}`,
            })}
      </span>
      <span data-testid="health-sync" data-running={String(engine.running)}>
        {lastSyncAt
          ? tx({
              id: `Sinkron terakhir ${clockText(lastSyncAt).id}`,
              en: `Last sync ${clockText(lastSyncAt).en}`,
            })
          : tx({ id: 'Belum pernah sinkron', en: 'Never synced' })}
        {engine.running && tx({ id: ' · menyinkronkan…', en: ' · syncing…' })}
      </span>
      {sync?.lastSyncError && (
        <span class="warn" data-testid="health-sync-error">
          {tx(sync.lastSyncError)}
        </span>
      )}
      {(sync?.issues ?? 0) > 0 && <SyncIssueList />}
      <span data-testid="health-roster">
        {tx({
          id: `Daftar: ${roster ?? '…'} peserta`,
          en: `Roster: ${roster ?? '…'} participants`,
        })}
      </span>
      <span class={persistence?.persisted ? 'ok' : 'warn'} data-testid="health-persisted">
        {persistence?.persisted
          ? tx({ id: 'Penyimpanan permanen', en: 'Storage persistent' })
          : tx({ id: 'Penyimpanan tidak permanen', en: 'Storage not persistent' })}
      </span>
      {clockOff && (
        <span class="warn" role="status" data-testid="health-clock">
          {tx({
            id: `Jam tablet selisih ${minutes(Math.abs(serverMinusDeviceMs))} menit dari server — periksa pengaturan jam`,
            en: `Tablet clock is ${minutes(Math.abs(serverMinusDeviceMs))} min off the server — check the clock settings`,
          })}
        </span>
      )}
    </footer>
  );
}
