// The one text rule on both stores: a NUL in a body, a path or a query is never a 500; bidi
// overrides and zero-width characters typed into the API are stripped as the CSV import strips them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './testing/app.js';
import { WAVE_1, json, testApp } from './testing/app.js';
import type { TestStore } from './testing/stores.js';
import { storeKinds } from './testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`the text rule on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
    });
    afterAll(async () => t?.dispose());

    const post = (path: string, body: unknown) =>
      a.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('answers a NUL in anonymous bodies as any unknown value, not 500', async () => {
      const info = await post('/api/ticket-info', { token: 'H1.A\u0000B.C' });
      expect(info.status).toBe(404);
      const login = await post('/api/auth/login', { username: 'pani\u0000tia', password: 'x' });
      expect(login.status).toBe(401);
    });

    it('strips bidi overrides, zero-width and control characters from stored text', async () => {
      const event = await json(await a.call('/api/events', { json: { name: 'Acara\u0000 Uji' } }));
      expect(event.name).toBe('Acara Uji');
      const wave = await json(
        await a.call(`/api/events/${event.id}/waves`, { json: { ...WAVE_1 } }),
      );
      const res = await a.call(`/api/events/${event.id}/participants`, {
        json: {
          name: 'Siti \u202Egnp.exe\u200b',
          business: 'Warung\u0007 Siti',
          phone: '081234567890',
          waveId: wave.id,
        },
      });
      expect(res.status).toBe(201);
      const p = await json(res);
      expect(p.name).toBe('Siti gnp.exe');
      expect(p.business).toBe('Warung Siti');
    });

    it('refuses an uploaded roster with NULs in words (csv-binary), not 500', async () => {
      const event = await json(await a.call('/api/events', { json: { name: 'Unggah' } }));
      const wave = await json(
        await a.call(`/api/events/${event.id}/waves`, { json: { ...WAVE_1 } }),
      );
      const res = await a.call(`/api/events/${event.id}/import/preview?wave=${wave.id}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'nama,usaha,hp\nSiti \u0000\u202Egnp.exe,Warung\u0000,0812\u00003456789\n',
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('csv-binary');
    });

    it('refuses a control or invisible character in the path or query with 400 in words', async () => {
      for (const url of [
        '/api/events/%00',
        '/api/participants/a%E2%80%AEb',
        '/api/events?x=%00',
        '/api/audit?before=1%00',
      ]) {
        const res = await a.call(url);
        expect(res.status, url).toBe(400);
        const body = await json(res);
        expect(body.error.code).toBe('invalid-characters');
        expect(body.error.messages.id).toMatch(/karakter/);
      }
    });

    it('refuses JSON nested deeper than any body of ours', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const res = await a.app.request('/api/ticket-info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deep,
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('json-too-deep');
    });
  });
}
