// The event's optional logo for its badges: upload (PNG or JPEG, checked by its bytes, at most
// 512 KB), serve (cacheable by version), remove.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LOGO_MAX_BYTES, logoPath, logoTypeOf } from '../../shared/badges/logo.js';
import type { AppDeps, AppEnv } from '../context.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import { getEventDetail } from '../store/events.js';
import { deleteEventLogo, getEventLogo, putEventLogo } from '../store/event-logos.js';

const EVENT = { id: 'Acara', en: 'Event' };
const LOGO = { id: 'Logo acara', en: 'Event logo' };
const KB = Math.round(LOGO_MAX_BYTES / 1024);

/** 413 for a logo over the limit, in words a person can act on. */
export const logoTooLarge = () =>
  fail(
    413,
    'logo-too-large',
    `Berkas logo terlalu besar (maksimal ${KB} KB). Perkecil gambarnya lalu unggah lagi.`,
    `The logo file is too large (at most ${KB} KB). Make the image smaller and upload it again.`,
    { maxBytes: LOGO_MAX_BYTES },
  );

/** GET, PUT and DELETE /events/:eventId/logo */
export function eventLogoRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const eventOrFail = async (id: string) => {
    if (!(await getEventDetail(db, id))) throw notFound(EVENT);
  };

  r.get('/events/:eventId/logo', async (c) => {
    const logo = await getEventLogo(db, c.req.param('eventId'));
    if (!logo) throw notFound(LOGO);
    const etag = `"${logo.etag}"`;
    // A versioned URL never changes content; the bare one is checked again each time.
    c.header(
      'Cache-Control',
      c.req.query('v') === logo.etag ? 'private, max-age=31536000, immutable' : 'private, no-cache',
    );
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', logo.content_type);
    return c.body(new Uint8Array(logo.bytes));
  });

  r.put(
    '/events/:eventId/logo',
    bodyLimit({
      maxSize: LOGO_MAX_BYTES,
      onError: () => {
        throw logoTooLarge();
      },
    }),
    async (c) => {
      const eventId = c.req.param('eventId');
      await eventOrFail(eventId);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > LOGO_MAX_BYTES) throw logoTooLarge();
      const type = logoTypeOf(bytes);
      if (!type) {
        throw fail(
          400,
          'logo-not-image',
          'Berkas ini bukan gambar PNG atau JPEG. Pilih logo berformat PNG atau JPEG.',
          'This file is not a PNG or JPEG image. Choose a PNG or JPEG logo.',
        );
      }
      const etag = await putEventLogo(db, eventId, { type, bytes });
      await audit(db, {
        actorId: c.get('organizer').id,
        action: 'event-logo',
        eventId,
        details: { type, bytes: bytes.length },
      });
      return c.json({ logoUrl: logoPath(eventId, etag) });
    },
  );

  r.delete('/events/:eventId/logo', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    // Removing a logo that is not there is answered the same, and leaves no line in the log.
    if (await deleteEventLogo(db, eventId)) {
      await audit(db, {
        actorId: c.get('organizer').id,
        action: 'event-logo',
        eventId,
        details: { removed: true },
      });
    }
    return c.body(null, 204);
  });
  return r;
}
