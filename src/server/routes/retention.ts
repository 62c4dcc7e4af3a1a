// An event's personal data (UU 27/2022): its retention day, and erasing now with the event's
// name typed again. Admins only (auth/roles.ts); allowed on archived events (http/read-only.ts).
import { Hono } from 'hono';
import type { RetentionInfo } from '../../shared/api/retention.js';
import {
  EraseBody,
  RetentionBody,
  dueAt,
  isDay,
  suggestedRetention,
} from '../../shared/api/retention.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { eraseEvent } from '../retention/erase.js';
import { audit } from '../store/audit-log.js';
import { retentionOf, setRetainUntil } from '../store/retention.js';
import { sameName } from './event-lifecycle.js';

const EVENT = { id: 'Acara', en: 'Event' };

/** GET/PUT /events/:eventId/retention and POST /events/:eventId/retention/erase. */
export function retentionRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const info = async (eventId: string): Promise<RetentionInfo> => {
    const row = await retentionOf(db, eventId);
    if (!row) throw notFound(EVENT);
    const waves = await db
      .selectFrom('waves')
      .select('ends_at')
      .where('event_id', '=', eventId)
      .execute();
    const erasedAt = row.personal_data_erased_at;
    return {
      retainUntil: row.retain_until,
      suggested: suggestedRetention(waves.map((w) => w.ends_at)),
      erasedAt: erasedAt === null ? null : new Date(Number(erasedAt)).toISOString(),
      erasedBy: erasedAt === null ? null : row.erased_by_name,
    };
  };

  r.get('/events/:eventId/retention', async (c) => c.json(await info(c.req.param('eventId'))));

  r.put('/events/:eventId/retention', async (c) => {
    const eventId = c.req.param('eventId');
    const { retainUntil } = await readJson(c, RetentionBody);
    if (retainUntil !== null && !isDay(retainUntil)) {
      throw fail(
        400,
        'retention-day-invalid',
        'Tanggal penghapusan harus berupa tanggal yang benar (TTTT-BB-HH)',
        'The erasure day must be a real date (YYYY-MM-DD)',
      );
    }
    // A day already begun would erase at the next hourly check with nobody typing the name:
    // erasing now is the other button's job.
    if (retainUntil !== null && dueAt(retainUntil) <= Date.now()) {
      throw fail(
        400,
        'retention-day-past',
        'Tanggal penghapusan harus sesudah hari ini. Untuk menghapus sekarang, pakai "Hapus data pribadi sekarang".',
        'The erasure day must be after today. To erase now, use "Hapus data pribadi sekarang" (erase now).',
      );
    }
    if (!(await setRetainUntil(db, eventId, retainUntil))) throw notFound(EVENT);
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'retention-day',
      eventId,
      details: { name: (await retentionOf(db, eventId))?.name, day: retainUntil },
    });
    return c.json(await info(eventId));
  });

  r.post('/events/:eventId/retention/erase', async (c) => {
    const eventId = c.req.param('eventId');
    const row = await retentionOf(db, eventId);
    if (!row) throw notFound(EVENT);
    const body = await readJson(c, EraseBody);
    if (!sameName(body.confirmName, row.name)) {
      throw fail(
        400,
        'confirm-name-mismatch',
        `Ketik nama acara persis "${row.name}" untuk menghapus data pribadi pesertanya`,
        `Type the event's name exactly, "${row.name}", to erase its participants' personal data`,
      );
    }
    const erased = await eraseEvent(deps.store, {
      eventId,
      eventName: row.name,
      actorId: c.get('organizer').id,
    });
    deps.log('info', 'personal data erased', { eventId, participants: erased });
    return c.json({ erased, retention: await info(eventId) });
  });
  return r;
}
