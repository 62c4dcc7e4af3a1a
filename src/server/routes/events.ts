// Events, waves and sessions; and the Tangsel demo programme.
import { Hono } from 'hono';
import { DemoBody, EventBody, SessionBody, WaveBody } from '../../shared/api/schemas.js';
import type { AppDeps, AppEnv } from '../context.js';
import { DEMO_NAME, eventNamed, loadDemo } from '../demo/load.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import {
  createEvent,
  deleteSession,
  getEventDetail,
  getSession,
  getWave,
  insertSession,
  insertWave,
  listEvents,
  renameEvent,
  updateSession,
  updateWave,
} from '../store/events.js';
import { pokeDoors } from '../live/poke.js';

const EVENT = { id: 'Acara', en: 'Event' };
const WAVE = { id: 'Gelombang', en: 'Wave' };
const SESSION = { id: 'Sesi', en: 'Session' };

const demoExists = (name: string, eventId: string) =>
  fail(
    409,
    'demo-exists',
    `Acara contoh "${name}" sudah dimuat. Untuk salinan kedua, beri nama lain.`,
    `The demo event "${name}" is already loaded. For a second copy, give it another name.`,
    { eventId },
  );

function checkTimes(b: { startsAt: string; endsAt: string }): void {
  const start = Date.parse(b.startsAt);
  const end = Date.parse(b.endsAt);
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw fail(400, 'validation', 'Tanggal/waktu tidak valid', 'Invalid date/time');
  }
  if (end <= start) {
    throw fail(
      400,
      'ends-before-start',
      'Waktu selesai harus setelah waktu mulai',
      'The end must be after the start',
    );
  }
}

/** /events, /waves, /sessions, /demo */
export function eventRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const detail = async (id: string) => {
    const event = await getEventDetail(db, id);
    if (!event) throw notFound(EVENT);
    return event;
  };

  r.get('/events', async (c) =>
    c.json({ events: await listEvents(db, { archived: c.req.query('archived') === '1' }) }),
  );
  r.post('/events', async (c) => {
    const body = await readJson(c, EventBody);
    const id = await createEvent(db, body.name);
    return c.json(await detail(id), 201);
  });
  r.get('/events/:eventId', async (c) => c.json(await detail(c.req.param('eventId'))));
  r.patch('/events/:eventId', async (c) => {
    const body = await readJson(c, EventBody);
    if (!(await renameEvent(db, c.req.param('eventId'), body.name))) throw notFound(EVENT);
    return c.json(await detail(c.req.param('eventId')));
  });

  r.post('/events/:eventId/waves', async (c) => {
    const eventId = c.req.param('eventId');
    await detail(eventId);
    const body = await readJson(c, WaveBody);
    checkTimes(body);
    return c.json(await insertWave(db, eventId, body), 201);
  });
  r.patch('/waves/:waveId', async (c) => {
    const body = await readJson(c, WaveBody);
    checkTimes(body);
    const eventId = await updateWave(db, c.req.param('waveId'), body);
    if (!eventId) throw notFound(WAVE);
    await pokeDoors(deps, eventId);
    const wave = (await detail(eventId)).waves.find((w) => w.id === c.req.param('waveId'));
    return c.json(wave);
  });
  r.post('/waves/:waveId/sessions', async (c) => {
    const waveId = c.req.param('waveId');
    const wave = await getWave(db, waveId);
    if (!wave) throw notFound(WAVE);
    const body = await readJson(c, SessionBody);
    checkTimes(body);
    const session = await insertSession(db, waveId, body);
    await pokeDoors(deps, wave.event_id);
    return c.json(session, 201);
  });
  r.patch('/sessions/:sessionId', async (c) => {
    const body = await readJson(c, SessionBody);
    checkTimes(body);
    const session = await updateSession(db, c.req.param('sessionId'), body);
    if (!session) throw notFound(SESSION);
    await pokeDoors(deps, (await getSession(db, session.id))?.event_id);
    return c.json(session);
  });
  r.delete('/sessions/:sessionId', async (c) => {
    const session = await getSession(db, c.req.param('sessionId'));
    if (!session) throw notFound(SESSION);
    await deleteSession(db, session.id);
    await pokeDoors(deps, session.event_id);
    return c.body(null, 204);
  });

  // Loaded once; a second copy only when asked for by a name no event has.
  r.post('/demo', async (c) => {
    const asked = c.req.header('content-type')?.includes('json')
      ? (await readJson(c, DemoBody)).name
      : undefined;
    const name = asked ?? DEMO_NAME;
    const existing = await eventNamed(deps.store, name);
    if (existing) throw demoExists(name, existing);
    const id = await loadDemo(deps.store, name);
    return c.json(await detail(id), 201);
  });
  return r;
}
