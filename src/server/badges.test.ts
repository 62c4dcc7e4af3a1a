// Badge sheets and the event logo, on SQLite and PostgreSQL: a wave, all waves or chosen
// participants; a PNG or JPEG logo (by its bytes, at most 512 KB) stored, served with caching,
// shown on the sheet and removed; everything else refused in words.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeSheet } from '../shared/api/schemas.js';
import type { AuditEntry } from '../shared/api/team.js';
import { LOGO_MAX_BYTES } from '../shared/badges/logo.js';
import type { TestApp } from './testing/app.js';
import { json, testApp } from './testing/app.js';
import type { DoorFixture } from './testing/devices.js';
import { seedDoorEvent } from './testing/devices.js';
import { callAs, inviteMember } from './testing/team.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

const PNG = new Uint8Array(
  readFileSync(new URL('../../public/icons/icon-192.png', import.meta.url)),
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`badge sheets and the event logo on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let f: DoorFixture;
    const sheetOf = async (query: string): Promise<BadgeSheet> => {
      const res = await a.call(`/api/events/${f.event.id}/badges?${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return json(res);
    };
    const putLogo = (bytes: Uint8Array, type = 'image/png') =>
      a.call(`/api/events/${f.event.id}/logo`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body: bytes,
      });

    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      f = await seedDoorEvent(a, t, 'Pelatihan UMKM Tangsel');
    });
    afterAll(async () => t?.dispose());

    it('prints one wave, every wave in wave order, or only the chosen participants', async () => {
      const one = await sheetOf(`wave=${f.waves.b}`);
      expect(one.badges.map((b) => b.participantId).sort()).toEqual(
        f.participants.b.map((p) => p.id).sort(),
      );
      expect(one.waves.map((w) => w.id)).toEqual([f.waves.b]);
      expect(one.leftOut).toEqual([]);

      const all = await sheetOf('all=1');
      expect(all.badges).toHaveLength(23 + 9 + 6);
      const order = f.event.waves.map((w) => w.id);
      const waveIdx = all.badges.map((b) => order.indexOf(b.waveId));
      expect(waveIdx).toEqual([...waveIdx].sort((x, y) => x - y));
      expect(all.waves).toHaveLength(3);

      const chosen = [f.participants.c[1]!.id, f.participants.a[0]!.id];
      const some = await sheetOf(`ids=${chosen.join(',')}`);
      expect(some.badges.map((b) => b.participantId).sort()).toEqual([...chosen].sort());
      expect(some.badges.every((b) => b.token.startsWith('H1.'))).toBe(true);
    });

    it('leaves out cancelled and unknown participants, and says which', async () => {
      const gone = f.participants.c[2]!;
      expect((await a.call(`/api/participants/${gone.id}/cancel`, { method: 'POST' })).status).toBe(
        200,
      );
      const keep = f.participants.c[3]!.id;
      const sheet = await sheetOf(`ids=${keep},${gone.id},TIDAKADA`);
      expect(sheet.badges.map((b) => b.participantId)).toEqual([keep]);
      expect(sheet.leftOut.sort()).toEqual([gone.id, 'TIDAKADA'].sort());
      expect((await sheetOf(`wave=${f.waves.c}`)).badges).toHaveLength(5);
    });

    it('refuses an unknown wave, no choice, two choices or too many ids, in both languages', async () => {
      const refused = async (query: string, code: string) => {
        const res = await a.call(`/api/events/${f.event.id}/badges${query}`);
        expect(res.status, query).toBe(400);
        const body = await json(res);
        expect(body.error.code, query).toBe(code);
        expect(body.error.messages.id).toBeTruthy();
        expect(body.error.messages.en).toBeTruthy();
      };
      await refused('?wave=TIDAKADA', 'unknown-wave');
      await refused('', 'validation');
      await refused(`?wave=${f.waves.a}&all=1`, 'validation');
      await refused('?ids=', 'validation');
      await refused('?ids=a;drop', 'validation');
      const many = Array.from({ length: 501 }, (_, i) => `P${i}`).join(',');
      await refused(`?ids=${many}`, 'validation');
    });

    it('stores a PNG logo, serves it with its type and caching, and puts it on the sheet', async () => {
      expect((await a.call(`/api/events/${f.event.id}/logo`)).status).toBe(404);
      expect((await sheetOf('all=1')).logoUrl).toBeNull();

      const res = await putLogo(PNG);
      expect(res.status).toBe(200);
      const { logoUrl } = (await json(res)) as { logoUrl: string };
      expect(logoUrl).toMatch(new RegExp(`^/api/events/${f.event.id}/logo\\?v=\\w+$`));
      expect((await sheetOf('all=1')).logoUrl).toBe(logoUrl);
      expect((await json(await a.call(`/api/events/${f.event.id}`))).logoUrl).toBe(logoUrl);

      const got = await a.call(logoUrl);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
      const etag = got.headers.get('etag')!;
      expect(etag).toMatch(/^"\w+"$/);

      const bare = await a.call(`/api/events/${f.event.id}/logo`, {
        headers: { 'if-none-match': etag },
      });
      expect(bare.status).toBe(304);
      expect(bare.headers.get('cache-control')).toBe('private, no-cache');
    });

    it('replaces the logo with a JPEG under a new version', async () => {
      const before = (await json(await a.call(`/api/events/${f.event.id}`))).logoUrl as string;
      const res = await putLogo(JPEG, 'image/jpeg');
      expect(res.status).toBe(200);
      const { logoUrl } = (await json(res)) as { logoUrl: string };
      expect(logoUrl).not.toBe(before);
      const got = await a.call(logoUrl);
      expect(got.headers.get('content-type')).toBe('image/jpeg');
    });

    it('refuses a renamed text file and a file over 512 KB in words, keeping the old logo', async () => {
      const before = (await json(await a.call(`/api/events/${f.event.id}`))).logoUrl as string;
      const text = await putLogo(new TextEncoder().encode('nama;usaha\nSiti;Warung Siti\n'));
      expect(text.status).toBe(400);
      const textBody = await json(text);
      expect(textBody.error.code).toBe('logo-not-image');
      expect(textBody.error.messages.id).toContain('bukan gambar PNG atau JPEG');
      expect(textBody.error.messages.en).toContain('not a PNG or JPEG');

      const big = new Uint8Array(LOGO_MAX_BYTES + 1);
      big.set(PNG);
      const tooBig = await putLogo(big);
      expect(tooBig.status).toBe(413);
      const bigBody = await json(tooBig);
      expect(bigBody.error.code).toBe('logo-too-large');
      expect(bigBody.error.messages.id).toContain('512 KB');
      expect(bigBody.error.messages.en).toContain('512 KB');

      const huge = await putLogo(new Uint8Array(3 * 1024 * 1024));
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe('logo-too-large');

      expect((await json(await a.call(`/api/events/${f.event.id}`))).logoUrl).toBe(before);
      expect((await putLogo(new Uint8Array())).status).toBe(400);
    });

    it('lets only an admin change the logo; a pemantau may look at it', async () => {
      const pemantau = await inviteMember(a, 'pemantau-logo', 'pemantau');
      const staf = await inviteMember(a, 'staf-logo', 'staf');
      const url = `/api/events/${f.event.id}/logo`;
      expect((await callAs(a, pemantau.cookie, url)).status).toBe(200);
      const put = await callAs(a, staf.cookie, url, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: PNG,
      });
      expect(put.status).toBe(403);
      expect((await callAs(a, staf.cookie, url, { method: 'DELETE' })).status).toBe(403);
    });

    it('refuses logo changes while the event is archived', async () => {
      const url = `/api/events/${f.event.id}/archive`;
      expect((await a.call(url, { method: 'POST' })).status).toBe(200);
      const put = await putLogo(PNG);
      expect(put.status).toBe(409);
      expect((await json(put)).error.code).toBe('event-archived');
      expect((await a.call(`/api/events/${f.event.id}/logo`, { method: 'DELETE' })).status).toBe(
        409,
      );
      expect((await a.call(`/api/events/${f.event.id}/logo`)).status).toBe(200);
      expect((await sheetOf('all=1')).badges.length).toBeGreaterThan(0);
      await a.call(`/api/events/${f.event.id}/unarchive`, { method: 'POST' });
    });

    it('removes the logo', async () => {
      const url = `/api/events/${f.event.id}/logo`;
      expect((await a.call(url, { method: 'DELETE' })).status).toBe(204);
      expect((await a.call(url)).status).toBe(404);
      expect((await sheetOf('all=1')).logoUrl).toBeNull();
      expect((await json(await a.call(`/api/events/${f.event.id}`))).logoUrl).toBeNull();
      expect((await a.call(url, { method: 'DELETE' })).status).toBe(204);
      expect((await a.call('/api/events/TIDAKADA/logo', { method: 'DELETE' })).status).toBe(404);

      // The log says who changed the logo and who removed it; the second removal changed nothing.
      const log: { entries: AuditEntry[] } = await json(await a.call('/api/audit'));
      const logo = log.entries.filter((e) => e.action === 'event-logo' && e.eventId === f.event.id);
      expect(logo.map((e) => e.details.removed === true)).toEqual([true, false, false]);
      expect(logo[1]!.details).toMatchObject({ type: 'image/jpeg' });
      expect(logo.every((e) => e.actor !== null)).toBe(true);
    });

    it('deletes the logo with its event', async () => {
      expect((await putLogo(PNG)).status).toBe(200);
      const res = await a.call(`/api/events/${f.event.id}`, {
        method: 'DELETE',
        json: { confirmName: f.event.name },
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      const left = await t.store.db.selectFrom('event_logos').selectAll().execute();
      expect(left).toHaveLength(0);
    });
  });
}
