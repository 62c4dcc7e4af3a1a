// Housekeeping of events: archive (read-only, hidden from the list), un-archive, and delete
// with the event's name typed again — refused while a paired tablet still holds unsent scans.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { EventDetail } from '../../shared/api/schemas.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import { devicesHoldingScans } from '../store/device-reports.js';
import { deleteEventCascade, setArchived } from '../store/event-lifecycle.js';
import { getEventDetail } from '../store/events.js';

const EVENT = { id: 'Acara', en: 'Event' };

/** DELETE /api/events/:eventId: the event's name, typed again, as the confirmation. */
export const DeleteEventBody = v.object({ confirmName: v.pipe(v.string(), v.maxLength(300)) });

/** Names compare as people type them: spaces around and in between, and case, do not matter. */
export const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id') ===
  b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** POST /events/:eventId/archive, /unarchive and DELETE /events/:eventId (organizer). */
export function eventLifecycleRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const archive = (archived: boolean) =>
    r.post(`/events/:eventId/${archived ? 'archive' : 'unarchive'}`, async (c) => {
      const eventId = c.req.param('eventId');
      if (!(await setArchived(db, eventId, archived ? Date.now() : null))) throw notFound(EVENT);
      const event = (await getEventDetail(db, eventId)) as EventDetail;
      await audit(db, {
        actorId: c.get('organizer').id,
        action: archived ? 'event-archive' : 'event-unarchive',
        eventId,
        details: { name: event.name },
      });
      return c.json(event);
    });
  archive(true);
  archive(false);

  r.delete('/events/:eventId', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await getEventDetail(db, eventId);
    if (!event) throw notFound(EVENT);
    const body = await readJson(c, DeleteEventBody);
    if (!sameName(body.confirmName, event.name)) {
      throw fail(
        400,
        'confirm-name-mismatch',
        `Ketik nama acara persis "${event.name}" untuk menghapusnya`,
        `Type the event's name exactly, "${event.name}", to delete it`,
      );
    }
    const holding = await devicesHoldingScans(db, eventId);
    if (holding.length > 0) {
      const list = holding.map((d) => `${d.name} (${d.door}): ${d.unsynced}`).join(', ');
      throw fail(
        409,
        'devices-hold-unsynced-scans',
        `Acara belum bisa dihapus: tablet berikut masih menyimpan pemindaian yang belum terkirim — ${list}. Sinkronkan tablet itu dulu, atau cabut bila tablet hilang.`,
        `The event cannot be deleted yet: these tablets still hold scans not sent — ${list}. Sync them first, or revoke a lost tablet.`,
        { devices: holding },
      );
    }
    await deleteEventCascade(db, eventId);
    // The trail outlives the event: the log keeps its id and name (no foreign key).
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'event-delete',
      eventId,
      details: { name: event.name },
    });
    deps.log('info', 'event deleted', { eventId });
    return c.body(null, 204);
  });
  return r;
}
