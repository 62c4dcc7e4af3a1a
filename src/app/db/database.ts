// The door's IndexedDB, through Dexie. This folder is the only code that touches it.
import type { Table } from 'dexie';
import { Dexie } from 'dexie';
import type {
  DeviceRow,
  KeyRow,
  MetaRow,
  OutboxRow,
  SyncIssueRow,
  Revocation,
  RosterRow,
  ScanEvent,
  SessionRef,
  WaveRef,
} from './types';

import { DB_NAME } from './warm';

/** The database name the app uses; tests pass their own. */
export { DB_NAME };

/** Typed tables of the door database. */
export class HadirDb extends Dexie {
  device!: Table<DeviceRow, string>;
  waves!: Table<WaveRef, string>;
  sessions!: Table<SessionRef, string>;
  keys!: Table<KeyRow, string>;
  revocations!: Table<Revocation, [string, number]>;
  roster!: Table<RosterRow, string>;
  scanEvents!: Table<ScanEvent, string>;
  outbox!: Table<OutboxRow, string>;
  meta!: Table<MetaRow, string>;
  syncIssues!: Table<SyncIssueRow, string>;

  constructor(name = DB_NAME) {
    super(name, {
      // Every transaction of this database asks for strict durability: the browser reports
      // "complete" only after the data is flushed to disk, so a verdict shown after a write
      // survives a power cut or a killed tab. Dexie 4 has no per-transaction durability in its
      // public API; this option is passed to each IDBDatabase.transaction() it opens.
      // Chrome 121+ made "relaxed" the default: https://developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-to-relaxed
      // Dexie option: https://dexie.org/docs/Dexie/Dexie (chromeTransactionDurability)
      chromeTransactionDurability: 'strict',
    });
    this.version(1).stores({
      device: 'deviceId',
      waves: 'id',
      sessions: 'id, waveId',
      keys: 'kid',
      revocations: '[participantId+ticketVersion]',
      // words: multi-entry lowercase tokens of name and business, for prefix search.
      roster: 'participantId, *words, phoneLast4',
      // [deviceId+deviceSeq] finds this device's own last check-in among pulled events;
      // undoes finds whether an event was already undone.
      scanEvents:
        'id, participantId, [participantId+sessionId], deviceSeq, [deviceId+deviceSeq], undoes',
      outbox: 'eventId, createdAt',
      meta: 'key',
    });
    // Version 2 (sync): pushed events the server answered with a conflict or a rejection, and
    // scan events by session, for the door's "how many are in" count across all doors.
    this.version(2).stores({
      syncIssues: 'eventId, status',
      scanEvents:
        'id, participantId, [participantId+sessionId], sessionId, deviceSeq, [deviceId+deviceSeq], undoes',
    });
    // Version 3: the clock offset is named by its sign (serverMinusDeviceMs); it always held
    // server minus device on the tablet, so only the key changes.
    this.version(3).upgrade(async (tx) => {
      const meta = tx.table<MetaRow | { key: 'clockOffsetMs'; value: number }, string>('meta');
      const old = await meta.get('clockOffsetMs');
      if (old === undefined) return;
      await meta.put({ key: 'serverMinusDeviceMs', value: old.value as number });
      await meta.delete('clockOffsetMs');
    });
  }
}

let appDb: HadirDb | undefined;

/** The app's one database connection, opened on first use. */
export function hadirDb(): HadirDb {
  appDb ??= new HadirDb();
  return appDb;
}
