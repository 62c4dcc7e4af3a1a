// Typed access to the key/value bookkeeping table; call inside a transaction to join it.
import type { HadirDb } from './database';
import type { MetaRow, MetaValues } from './types';

/** The value stored under a meta key, or undefined when never written. */
export async function getMeta<K extends keyof MetaValues>(
  db: HadirDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = (await db.meta.get(key)) as MetaRow<K> | undefined;
  return row?.value;
}

/** Writes one meta value. */
export async function setMeta<K extends keyof MetaValues>(
  db: HadirDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  const row: MetaRow<K> = { key, value };
  await db.meta.put(row as MetaRow);
}

/** Every meta value, read at once: typed look-ups over one read of the (small) table. */
export type MetaReader = <K extends keyof MetaValues>(key: K) => MetaValues[K] | undefined;

/** Reads the whole meta table in one request (call inside a transaction to join it). */
export async function readAllMeta(db: HadirDb): Promise<MetaReader> {
  const rows = new Map((await db.meta.toArray()).map((row) => [row.key, row.value]));
  return <K extends keyof MetaValues>(key: K) => rows.get(key) as MetaValues[K] | undefined;
}
