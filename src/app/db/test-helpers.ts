// Shared fixtures of the db tests (imported by *.test.ts only): fresh databases, a paired
// device, a deterministic roster, and DBCore recorders of the reads and writes a call made.
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { HadirDb } from './database';
import type { DeviceRow, RosterEntry } from './types';

let counter = 0;

/** A database with a name no other test uses. */
export function freshDb(prefix = 'test'): HadirDb {
  counter += 1;
  return new HadirDb(`${prefix}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** A paired device row. */
export function device(overrides: Partial<DeviceRow> = {}): DeviceRow {
  return {
    deviceId: 'DEV1',
    token: 'token-1',
    eventId: 'EVT1',
    eventName: 'Pelatihan dan Sertifikasi UMKM 2026',
    door: 'Pintu Utara',
    name: 'Tablet 1',
    waveIds: ['WAVE1'],
    pairedAt: '2026-12-08T07:00:00+07:00',
    volunteer: 'Rina',
    ...overrides,
  };
}

const FIRST = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Rina', 'Agus', 'Sri', 'Joko', 'Nur', 'Eko'];
const LAST = ['Aminah', 'Hidayat', 'Lestari', 'Santoso', 'Wulandari', 'Saputra', 'Rahayu'];
const TRADE = ['Keripik', 'Batik', 'Kopi', 'Sambal', 'Kue', 'Jahit', 'Bengkel', 'Warung'];
const OWNER = ['Bu', 'Pak', 'Mas', 'Mbak'];

/** The i-th participant of a deterministic roster; every field follows from i. */
export function rosterEntry(i: number, waveId = 'WAVE1'): RosterEntry {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
  const first = pick(FIRST, i);
  const last = pick(LAST, Math.floor(i / FIRST.length));
  // A rare surname every 997th entry gives multi-word queries a small, known answer.
  const name = i % 997 === 0 ? `${first} Wiryawan ${last}` : `${first} ${last}`;
  return {
    participantId: `P${String(i).padStart(7, '0')}`,
    name,
    business: `${pick(TRADE, Math.floor(i / 70))} ${pick(OWNER, i)} ${first}`,
    waveId,
    phoneLast4: String((i * 7919) % 10000).padStart(4, '0'),
    ticketVersion: 1,
    status: 'active',
  };
}

/** Entries `from` (inclusive) to `to` (exclusive). */
export function rosterRange(from: number, to: number): RosterEntry[] {
  return Array.from({ length: to - from }, (_, k) => rosterEntry(from + k));
}

/** One read that reached IndexedDB. */
export interface ReadRecord {
  table: string;
  op: 'query' | 'openCursor' | 'count' | 'get' | 'getMany';
  /** Index name; '' for the primary key. */
  index: string;
  /** True when the whole table or index was asked for (no key range). */
  wholeRange: boolean;
  /** Whether row values (not only keys) were read. */
  values: boolean;
  /** How many keys or rows came back (cursor steps for a cursor). */
  items: number;
}

const ANY_RANGE = 3; // DBCoreRangeType.Any

/** A DBCore middleware at the bottom of the stack: records every read that goes to IndexedDB. */
export function readRecorder(): { middleware: Middleware<DBCore>; reads: ReadRecord[] } {
  const reads: ReadRecord[] = [];
  const wrapTable = (table: DBCoreTable): DBCoreTable => {
    const name = table.name;
    const record = (r: ReadRecord) => void reads.push(r);
    // Plain .then() chains: async/await wrappers here made Dexie throw PrematureCommitError in
    // transactions with parallel requests (its promise zones don't follow native awaits).
    return {
      ...table,
      query: (req) =>
        table.query(req).then((res) => {
          record({
            table: name,
            op: 'query',
            index: req.query.index.name ?? '',
            wholeRange: req.query.range.type === ANY_RANGE,
            values: !!req.values,
            items: res.result.length,
          });
          return res;
        }),
      count: (req) =>
        table.count(req).then((n) => {
          record({
            table: name,
            op: 'count',
            index: req.query.index.name ?? '',
            wholeRange: req.query.range.type === ANY_RANGE,
            values: false,
            items: 0,
          });
          return n;
        }),
      get: (req) =>
        table.get(req).then((row: unknown) => {
          record({ table: name, op: 'get', index: '', wholeRange: false, values: true, items: 1 });
          return row;
        }),
      getMany: (req) =>
        table.getMany(req).then((rows) => {
          record({
            table: name,
            op: 'getMany',
            index: '',
            wholeRange: false,
            values: true,
            items: req.keys.length,
          });
          return rows;
        }),
      openCursor: (req) =>
        table.openCursor(req).then((cursor) => {
          const r: ReadRecord = {
            table: name,
            op: 'openCursor',
            index: req.query.index.name ?? '',
            wholeRange: req.query.range.type === ANY_RANGE,
            values: !!req.values,
            items: 0,
          };
          record(r);
          return cursor ? countSteps(cursor, r) : cursor;
        }),
    };
  };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'read-recorder',
    level: 0,
    create: (down) => ({ ...down, table: (name) => wrapTable(down.table(name)) }),
  };
  return { middleware, reads };
}

function countSteps(cursor: DBCoreCursor, record: ReadRecord): DBCoreCursor {
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'start') {
        return (onNext: () => void) =>
          target.start(() => {
            record.items += 1;
            onNext();
          });
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** Writes that reached IndexedDB, as recordWrites() sees them. */
export interface WriteLog {
  /** Tables written, and for meta the keys. */
  touched: string[];
  /** The transaction each was last written in. */
  transactions: Map<string, unknown>;
}

/** Starts recording every write that reaches IndexedDB (reopens the database to add the hook). */
export async function recordWrites(target: HadirDb): Promise<WriteLog> {
  const log: WriteLog = { touched: [], transactions: new Map() };
  const keysOf = (req: DBCoreMutateRequest): unknown[] =>
    req.type === 'add' || req.type === 'put'
      ? req.values.map((v) => (v as { key?: unknown }).key)
      : req.type === 'delete'
        ? req.keys
        : [];
  // Dexie takes middleware only before it opens.
  target.close();
  target.use({
    stack: 'dbcore',
    name: 'write-log',
    level: 0,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const touched = name === 'meta' ? keysOf(req).map((k) => `meta:${String(k)}`) : [name];
            for (const t of touched) log.transactions.set(t, req.trans);
            log.touched.push(...touched);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  await target.open();
  return log;
}

/** IndexedDB transactions opened while `on` is true, by mode; see recordTransactions(). */
export interface TransactionLog {
  on: boolean;
  modes: string[];
}

/** Records the mode of every IndexedDB transaction Dexie opens (call before the db opens). */
export function recordTransactions(target: HadirDb): TransactionLog {
  const log: TransactionLog = { on: false, modes: [] };
  target.use({
    stack: 'dbcore',
    name: 'transaction-log',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        if (log.on) log.modes.push(mode);
        return down.transaction(stores, mode, options);
      },
    }),
  });
  return log;
}

/** The transactions `run` opens, by mode. */
export async function transactionsDuring(
  log: TransactionLog,
  run: () => Promise<unknown>,
): Promise<string[]> {
  log.modes = [];
  log.on = true;
  try {
    await run();
  } finally {
    log.on = false;
  }
  return log.modes;
}
