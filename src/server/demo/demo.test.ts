// "Muat acara contoh" through the API: the Tangsel programme with 382 + 400 people, and every
// demo participant's ticket verifies with the event's public key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeSheet, EventDetail } from '../../shared/api/schemas.js';
import { parseTicket } from '../../shared/ticket/codec.js';
import { verifyTicket } from '../../shared/ticket/crypto.js';
import { listPublicKeys } from '../store/events.js';
import type { TestApp } from '../testing/app.js';
import { json, testApp } from '../testing/app.js';
import type { TestStore } from '../testing/stores.js';
import { storeKinds } from '../testing/stores.js';

for (const kind of await storeKinds()) {
  describe.skipIf(kind.skip)(`demo programme on ${kind.name}`, () => {
    let t: TestStore;
    let a: TestApp;
    let event: EventDetail;
    beforeAll(async () => {
      t = await kind.open();
      a = await testApp(t);
      const res = await a.call('/api/demo', { method: 'POST' });
      expect(res.status).toBe(201);
      event = await json(res);
    });
    afterAll(async () => t?.dispose());

    it('creates both waves at their venues with their participant counts and sessions', () => {
      expect(event.waves.map((w) => [w.venue, w.participantCount])).toEqual([
        ['Aula Blandongan, Puspemkot Tangsel', 382],
        ['Balaikota Tangsel', 400],
      ]);
      expect(event.waves.every((w) => w.sessions.length >= 1)).toBe(true);
      expect(event.participantCount).toBe(782);
    });

    it("round-trips every demo participant's ticket", async () => {
      const keys = await listPublicKeys(t.store.db, event.id);
      let verified = 0;
      for (const wave of event.waves) {
        const sheet: BadgeSheet = await json(
          await a.call(`/api/events/${event.id}/badges?wave=${wave.id}`),
        );
        expect(sheet.badges.length).toBe(wave.participantCount);
        for (const badge of sheet.badges) {
          const r = await verifyTicket(badge.token, keys);
          expect(r).toEqual({
            ok: true,
            payload: expect.objectContaining({
              participantId: badge.participantId,
              waveId: wave.id,
              version: 1,
            }),
          });
          expect(parseTicket(badge.token).ok).toBe(true);
          verified++;
        }
      }
      expect(verified).toBe(782);
    });
  });
}
