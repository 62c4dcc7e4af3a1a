// Assembles the HTTP app: security headers, request logs, body limits, the API routes, the
// static browser app with its shell fallback, and JSON errors for everything that goes wrong.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './context.js';
import { HttpProblem, fail } from './http/problem.js';
import { guardRoutes } from './auth/guard.js';
import { refuseArchivedWrites } from './http/read-only.js';
import { sameOriginWrites } from './http/same-origin.js';
import { serveApp } from './http/static.js';
import { securityHeaders } from './http/security-headers.js';
import { refuseInvisibleInUrl } from './http/url-text.js';
import { createLiveHub } from './live/hub.js';
import { forgetDoorStandings } from './store/door-standing.js';
import { accountRoutes } from './routes/account.js';
import { attendanceSummaryRoutes } from './routes/attendance-summary.js';
import { authRoutes } from './routes/auth.js';
import { certificatePublicRoutes } from './routes/certificates-public.js';
import { certificateTemplateRoutes } from './routes/certificate-template.js';
import { certificateRoutes } from './routes/certificates.js';
import { deviceRoutes } from './routes/devices.js';
import { doorRoutes } from './routes/door.js';
import { eventLifecycleRoutes } from './routes/event-lifecycle.js';
import { eventLogoRoutes } from './routes/event-logo.js';
import { eventRoutes } from './routes/events.js';
import { importRoutes } from './routes/import.js';
import { liveRoutes } from './routes/live.js';
import { participantRoutes } from './routes/participants.js';
import { publicRoutes } from './routes/public.js';
import { scanImportRoutes } from './routes/scan-import.js';
import { sendingRoutes } from './routes/sending.js';
import { reportRoutes } from './routes/reports.js';
import { eligibilityRoutes } from './routes/eligibility.js';
import { officeListRoutes } from './routes/office-lists.js';
import { reviewRoutes } from './routes/review.js';
import { retentionRoutes } from './routes/retention.js';
import { syncRoutes } from './routes/sync.js';
import { teamRoutes } from './routes/team.js';

export const JSON_LIMIT = 1024 * 1024;
export const CSV_LIMIT = 20 * 1024 * 1024;

const tooLarge = (limit: number) =>
  fail(
    413,
    'payload-too-large',
    `Data terlalu besar (maksimal ${Math.round(limit / 1024 / 1024)} MB)`,
    `Request body too large (at most ${Math.round(limit / 1024 / 1024)} MB)`,
  );
// Refused from Content-Length alone, or after `limit` bytes of a stream: never read whole.
const fileTooLarge = (limit: number) =>
  fail(
    413,
    'payload-too-large',
    `Berkas terlalu besar (maksimal ${Math.round(limit / 1024 / 1024)} MB). Pecah menjadi beberapa berkas, lalu unggah satu per satu.`,
    `The file is too large (at most ${Math.round(limit / 1024 / 1024)} MB). Split it into several files and upload them one by one.`,
  );

/** True when the error only says the client went away (closed the tab, lost the network). */
function clientHungUp(req: Request, err: unknown): boolean {
  if (req.signal.aborted) return true;
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  return (
    e?.name === 'AbortError' ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    e?.message === 'aborted'
  );
}

/** Builds the app; tests call `app.request()` on it without opening a port. */
export function createApp(given: AppDeps): Hono<AppEnv> {
  const deps: AppDeps = { ...given, live: given.live ?? createLiveHub(given.store, given.log) };
  const app = new Hono<AppEnv>();
  const headers = Object.entries(securityHeaders(deps));

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    for (const [name, value] of headers) {
      // An HTML page from serveApp already carries its own policy, with its inline blocks' hashes.
      if (name === 'Content-Security-Policy' && c.res.headers.has(name)) continue;
      c.header(name, value);
    }
    deps.log('info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // Files: a roster CSV or workbook, or a tablet's export of scans it could not sync. The event
  // logo has its own, smaller limit (with its own words) on its route.
  const isFileUpload = (path: string) =>
    path.endsWith('/import/preview') || path.endsWith('/scans/import');
  const isLogo = (path: string) =>
    /^\/api\/events\/[^/]+\/(logo|certificate-signers\/[^/]+\/signature)$/.test(path);
  app.use('/api/events/:eventId/*', async (c, next) => {
    if (!isFileUpload(c.req.path)) return next();
    return bodyLimit({
      maxSize: CSV_LIMIT,
      onError: () => {
        throw fileTooLarge(CSV_LIMIT);
      },
    })(c, next);
  });
  app.use('/api/*', async (c, next) => {
    if (isFileUpload(c.req.path) || isLogo(c.req.path)) return next();
    return bodyLimit({
      maxSize: JSON_LIMIT,
      onError: () => {
        throw tooLarge(JSON_LIMIT);
      },
    })(c, next);
  });
  app.use('/api/*', async (c, next) => {
    await next();
    // A route that chose its own caching (the versioned event logo) keeps it.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.use('/api/*', sameOriginWrites(deps));
  app.use('/api/*', refuseInvisibleInUrl());
  // Who may call each route, declared once (auth/roles.ts); routers add no guards of their own.
  app.use('/api/*', guardRoutes(deps));
  app.use('/api/*', refuseArchivedWrites(deps));
  app.use('/api/*', async (c, next) => {
    await next();
    // An organizer's write may change what doors hold: push answers read their standing afresh.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.get('organizer')) {
      forgetDoorStandings(deps);
    }
  });

  app.route('/api', publicRoutes(deps));
  // Before the organizer routers: a signer's signature under /events/ is public.
  app.route('/api', certificatePublicRoutes(deps));
  app.route('/api', authRoutes(deps));
  app.route('/api', eventRoutes(deps));
  app.route('/api', eventLifecycleRoutes(deps));
  app.route('/api', retentionRoutes(deps));
  app.route('/api', participantRoutes(deps));
  app.route('/api', sendingRoutes(deps));
  app.route('/api', eventLogoRoutes(deps));
  app.route('/api', importRoutes(deps));
  app.route('/api', syncRoutes(deps));
  app.route('/api', reportRoutes(deps));
  app.route('/api', attendanceSummaryRoutes(deps));
  app.route('/api', reviewRoutes(deps));
  app.route('/api', eligibilityRoutes(deps));
  app.route('/api', certificateTemplateRoutes(deps));
  app.route('/api', certificateRoutes(deps));
  app.route('/api', officeListRoutes(deps));
  app.route('/api', scanImportRoutes(deps));
  app.route('/api', liveRoutes(deps, deps.live));
  app.route('/api', deviceRoutes(deps));
  app.route('/api', doorRoutes(deps));
  app.route('/api', teamRoutes(deps));
  app.route('/api', accountRoutes(deps));
  app.all('/api/*', () => {
    throw fail(404, 'not-found', 'Alamat API tidak dikenal', 'Unknown API route');
  });

  if (deps.publicDir) serveApp(app, deps.publicDir);

  app.notFound((c) => c.json(fail(404, 'not-found', 'Tidak ditemukan', 'Not found').toJSON(), 404));
  app.onError((err, c) => {
    if (err instanceof HttpProblem) {
      // The unread rest of a too-large body would follow on a kept-alive socket: end it instead.
      if (err.status === 413) c.header('Connection', 'close');
      return c.json(err.toJSON(), err.status);
    }
    if (clientHungUp(c.req.raw, err)) {
      deps.log('info', 'client aborted', { method: c.req.method, path: c.req.path });
      // Nobody reads it; 499 (nginx's "client closed request") keeps the request log honest.
      return new Response(null, { status: 499 });
    }
    deps.log('error', 'unhandled', {
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return c.json(
      fail(
        503,
        'internal',
        'Terjadi gangguan di server; coba lagi',
        'Server error; please try again',
      ).toJSON(),
      500,
    );
  });
  return app;
}
