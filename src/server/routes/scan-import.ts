// The last resort for scans that never reached the server (a tablet revoked, wiped or never back
// online): the organizer imports the tablet's export file. Each event is checked exactly as a
// push from that tablet would be, then stored idempotently: importing a file twice, or after the
// tablet did sync after all, changes nothing.
import { Hono } from 'hono';
import type { ScanImportResult } from '../../shared/api/sync.js';
import { PUSH_BATCH_MAX, UnsyncedScansFile } from '../../shared/api/sync.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail } from '../http/problem.js';
import { getDeviceAuthRow, toDeviceAuth } from '../store/devices.js';
import { ingestScans } from '../scans/ingest.js';

/** POST /events/:eventId/scans/import (organizer). */
export function scanImportRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.post('/events/:eventId/scans/import', async (c) => {
    const eventId = c.req.param('eventId');
    const file = await readJson(c, UnsyncedScansFile);
    const row = await getDeviceAuthRow(deps.store, file.deviceId);
    if (!row || row.event_id !== eventId || file.eventId !== eventId) {
      throw fail(
        400,
        'unsynced-file-other-event',
        'Berkas ini dari perangkat atau acara lain',
        'This file comes from another device or event',
      );
    }
    // A revoked tablet's scans are exactly what this is for: its wave rights still apply.
    const device = toDeviceAuth(row);
    const result: ScanImportResult = {
      stored: 0,
      duplicate: 0,
      conflict: 0,
      rejected: 0,
      problems: [],
    };
    const receivedAt = Date.now();
    for (let i = 0; i < file.events.length; i += PUSH_BATCH_MAX) {
      const results = await ingestScans(deps.store, {
        device,
        events: file.events.slice(i, i + PUSH_BATCH_MAX),
        receivedAt,
        deviceContact: false,
        serverMinusDeviceMs: null,
        notifyChannel: deps.live?.channel ?? null,
      });
      for (const res of results) {
        result[res.status] += 1;
        if (res.status === 'rejected' && result.problems.length < 20) result.problems.push(res);
      }
    }
    if (!deps.live?.channel && result.stored > 0) {
      await deps.live?.announce(eventId).catch(() => undefined);
    }
    deps.log('info', 'scans imported', {
      eventId,
      deviceId: device.id,
      ...result,
      problems: undefined,
    });
    return c.json(result);
  });
  return r;
}
