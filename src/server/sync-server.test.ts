// The server's side of a push, on SQLite and PostgreSQL: locks taken per event (a busy event never
// holds up another), the device's sessions resolved with its token, one write to `devices`.
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../shared/api/door.js';
import { createApp } from './app.js';
import { createLogger } from './http/log.js';
import { createLiveHub } from './live/hub.js';
import { insertParticipant } from './store/participants.js';
import { lockEventScans } from './store/scans.js';
import type { TestApp } from './testing/app.js';
import { testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { pairAtDoor, push, scan } from './testing/scans.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

/** Settles with 'done' if `p` settles within `ms`, else 'waiting'. */
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(() => 'done' as const),
    new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms)),
  ]);

/** Records every query a Kysely instance runs, as its operation node. */
function queryRecorder(): { plugin: KyselyPlugin; nodes: RootOperationNode[] } {
  const nodes: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => (nodes.push(args.node), args.node),
    transformResult: async (args) => args.result,
  };
  return { plugin, nodes };
}

const touches = (node: RootOperationNode, kind: string, part: 'table' | 'from', table: string) =>
  node.kind === kind &&
  JSON.stringify((node as unknown as Record<string, unknown>)[part] ?? null).includes(
    `"name":"${table}"`,
  );

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`sync server on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    let other: DoorFixture;
    let door: PairResult;
    let otherDoor: PairResult;
    let sessionA: string;
    let otherSession: string;
    const recorder = queryRecorder();

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp({
        ...t,
        store: { ...t.store, db: t.store.db.withPlugin(recorder.plugin) },
      });
      f = await seedDoorEvent(a, t, 'Acara Satu');
      other = await seedDoorEvent(a, t, 'Acara Dua');
      sessionA = f.event.waves.find((w) => w.id === f.waves.a)!.sessions[0]!.id;
      otherSession = other.event.waves.find((w) => w.id === other.waves.a)!.sessions[0]!.id;
      door = await pairAtDoor(a, f.event.id, { name: 'T1', door: 'Pintu 1', waveIds: [f.waves.a] });
      otherDoor = await pairAtDoor(a, other.event.id, {
        name: 'T2',
        door: 'Pintu 2',
        waveIds: [other.waves.a],
      });
    });
    afterAll(async () => t?.dispose());
    // Per-event locks are PostgreSQL's matter (SQLite has one writer): these exist only there.
    const onPostgres = kind.name === 'postgres' ? it : (_name: string, _fn: () => unknown) => {};

    onPostgres(
      'lets a push to one event through while another event’s scan lock is held',
      async () => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let locked!: () => void;
        const isLocked = new Promise<void>((r) => (locked = r));
        const holder = t.store.db.transaction().execute(async (tx) => {
          await lockEventScans(tx, 'postgres', f.event.id);
          locked();
          await held;
        });
        await isLocked;
        const elsewhere = push(a, otherDoor, [
          scan(otherDoor, otherSession, other.participants.a[0]!.id),
        ]);
        const same = push(a, door, [scan(door, sessionA, f.participants.a[0]!.id)]);
        expect(await within(elsewhere, 3000)).toBe('done');
        // Within the held event, order still waits for the lock.
        expect(await within(same, 300)).toBe('waiting');
        release();
        await holder;
        expect((await same).results[0]!.status).toBe('stored');
      },
    );

    onPostgres(
      'announces a push that stored scans once, from its device, and a repeated push not at all',
      async () => {
        // The lock, the insert and the NOTIFY travel as one statement (store/scans.ts): the
        // notification must still come only after something new was stored.
        const hub = createLiveHub(t.store);
        const heard: (string | null)[] = [];
        const off = await hub.subscribe(f.event.id, (origin) => heard.push(origin));
        try {
          const live = {
            ...a,
            app: createApp({ store: t.store, log: createLogger({ silent: true }), live: hub }),
          };
          const events = [
            scan(door, sessionA, f.participants.a[2]!.id),
            scan(door, sessionA, f.participants.a[3]!.id),
          ];
          const first = await push(live, door, events);
          expect(first.results.map((r) => r.status)).toEqual(['stored', 'stored']);
          for (let i = 0; i < 40 && heard.length === 0; i++)
            await new Promise((r) => setTimeout(r, 50));
          expect(heard).toEqual([door.deviceId]);
          const again = await push(live, door, events);
          expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
          await new Promise((r) => setTimeout(r, 300));
          expect(heard).toEqual([door.deviceId]);
        } finally {
          off();
          await hub.close();
        }
      },
    );

    onPostgres(
      'lets a roster change in one event through while another event’s roster is being written',
      async () => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let wrote!: () => void;
        const written = new Promise<void>((r) => (wrote = r));
        const fields = (n: string) => ({
          waveId: '',
          name: `Baru ${n}`,
          business: 'Usaha',
          phone: `+62811000${n}`,
          email: null,
          nik: null,
        });
        const holder = t.store.db.transaction().execute(async (tx) => {
          await insertParticipant(tx, f.event.id, { ...fields('0001'), waveId: f.waves.a });
          wrote();
          await held;
        });
        await written;
        const elsewhere = insertParticipant(t.store.db, other.event.id, {
          ...fields('0002'),
          waveId: other.waves.a,
        });
        expect(await within(elsewhere, 3000)).toBe('done');
        release();
        await holder;
      },
    );

    it('writes `devices` once per push and reads no sessions beside the token', async () => {
      // A stale "last seen": the token check alone would have written it.
      await t.store.db
        .updateTable('devices')
        .set({ last_seen_at: 1 })
        .where('id', '=', door.deviceId)
        .execute();
      recorder.nodes.length = 0;
      const sentAt = Date.now() - 60_000;
      const res = await push(a, door, [scan(door, sessionA, f.participants.a[1]!.id)], sentAt);
      expect(res.results[0]!.status).toBe('stored');
      const updates = recorder.nodes.filter((n) =>
        touches(n, 'UpdateQueryNode', 'table', 'devices'),
      );
      expect(updates).toHaveLength(1);
      expect(
        recorder.nodes.filter((n) => touches(n, 'SelectQueryNode', 'from', 'wave_sessions')),
      ).toEqual([]);
      const row = await t.store.db
        .selectFrom('devices')
        .select(['last_seen_at', 'clock_checked_at'])
        .where('id', '=', door.deviceId)
        .executeTakeFirstOrThrow();
      expect(Number(row.last_seen_at)).toBeGreaterThan(Date.now() - 10_000);
      expect(Number(row.clock_checked_at)).toBe(Number(row.last_seen_at));
    });

    it('checks sessions against the waves the token was paired for, including new ones', async () => {
      const added = await a.call(`/api/waves/${f.waves.a}/sessions`, {
        json: {
          name: 'Hari 2',
          startsAt: '2026-12-09T08:00:00+07:00',
          endsAt: '2026-12-09T12:00:00+07:00',
        },
      });
      const day2 = ((await added.json()) as { id: string }).id;
      const res = await push(a, door, [
        scan(door, day2, f.participants.a[2]!.id),
        scan(door, otherSession, f.participants.a[3]!.id),
      ]);
      expect(res.results.map((r) => r.code ?? r.status)).toEqual(['stored', 'session-not-allowed']);
    });
  });
}
