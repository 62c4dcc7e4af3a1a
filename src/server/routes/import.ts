// Roster import from the office's CSV: a preview that writes nothing, then a commit that applies
// the whole file in one transaction while streaming progress.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { ImportPreview, ImportProgressLine } from '../../shared/api/schemas.js';
import { ImportCommitBody } from '../../shared/api/schemas.js';
import { randomId } from '../../shared/base32.js';
import { rejectedRowsCsv } from '../../shared/roster/rejected.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { HttpProblem, fail, notFound } from '../http/problem.js';
import { analyseImport, applyImport } from '../roster/import.js';
import { templateSheet } from '../roster/template.js';
import { sendSheet } from '../export/download.js';
import { audit } from '../store/audit-log.js';
import { getEventDetail } from '../store/events.js';
import { pokeDoors } from '../live/poke.js';

const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** /events/:eventId/import/preview and /commit */
export function importRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  // The template to start from, with the event's first wave in the example row.
  const template = (format: 'xlsx' | 'csv') =>
    r.get(`/events/:eventId/import/template.${format}`, async (c) => {
      const event = await getEventDetail(db, c.req.param('eventId'));
      if (!event) throw notFound({ id: 'Acara', en: 'Event' });
      const wave = event.waves[0]?.name ?? 'Gelombang 1';
      return sendSheet(c, templateSheet(wave), { format, baseName: 'templat-peserta-hadir' });
    });
  template('xlsx');
  template('csv');

  r.post('/events/:eventId/import/preview', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await getEventDetail(db, eventId);
    if (!event) throw notFound({ id: 'Acara', en: 'Event' });
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const analysis = await analyseImport(db, event, bytes, c.req.query('wave') ?? null, {
      sheet: c.req.query('sheet') ?? null,
    });
    const draftId = randomId(10);
    const now = Date.now();
    await db
      .deleteFrom('import_drafts')
      .where('created_at', '<', now - DRAFT_TTL_MS)
      .execute();
    await db
      .insertInto('import_drafts')
      .values({
        id: draftId,
        event_id: eventId,
        default_wave_id: analysis.defaultWaveId,
        csv: analysis.text,
        created_at: now,
      })
      .execute();
    const waveName = new Map(event.waves.map((w) => [w.id, w.name]));
    const preview: ImportPreview = {
      draftId,
      totalRows: analysis.totalRows,
      creates: analysis.plan.creates.map((row) => ({
        line: row.line,
        name: row.name,
        business: row.business,
        phone: row.phone,
        waveName: waveName.get(row.waveId) ?? '',
      })),
      updates: analysis.plan.updates.map((u) => ({
        line: u.row.line,
        participantId: u.id,
        name: u.row.name,
        changes: u.changes,
      })),
      unchanged: analysis.plan.unchanged.length,
      errors: analysis.errors,
      ignoredColumns: analysis.ignoredColumns,
    };
    return c.json(preview);
  });

  r.post('/events/:eventId/import/commit', async (c) => {
    const eventId = c.req.param('eventId');
    const actorId = c.get('organizer').id;
    const event = await getEventDetail(db, eventId);
    if (!event) throw notFound({ id: 'Acara', en: 'Event' });
    const body = await readJson(c, ImportCommitBody);
    const draft = await db
      .selectFrom('import_drafts')
      .selectAll()
      .where('id', '=', body.draftId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!draft) {
      throw fail(
        404,
        'import-draft-missing',
        'Pratinjau impor tidak ditemukan atau sudah dipakai; unggah ulang berkasnya',
        'Import preview not found or already used; upload the file again',
      );
    }
    const analysis = await analyseImport(
      db,
      event,
      new TextEncoder().encode(draft.csv),
      draft.default_wave_id,
    );
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    return stream(c, async (out) => {
      const send = (line: ImportProgressLine) => out.write(JSON.stringify(line) + '\n');
      try {
        const result = await applyImport(db, eventId, analysis, {
          onProgress: (done, total) => void send({ type: 'progress', done, total }),
        });
        await db.deleteFrom('import_drafts').where('id', '=', draft.id).execute();
        deps.log('info', 'roster imported', { eventId, ...result });
        await audit(db, { actorId, action: 'roster-import', eventId, details: { ...result } });
        await pokeDoors(deps, eventId);
        // The skipped rows go back as a file to fix and import again.
        const rejectedCsv =
          result.skipped > 0 ? rejectedRowsCsv(analysis.text, analysis.errors) : undefined;
        await send({ type: 'done', result: rejectedCsv ? { ...result, rejectedCsv } : result });
      } catch (err) {
        const problem =
          err instanceof HttpProblem
            ? err
            : fail(
                409,
                'import-failed',
                'Impor dibatalkan; tidak ada data yang berubah',
                'Import rolled back; nothing changed',
              );
        if (!(err instanceof HttpProblem))
          deps.log('error', 'import failed', { eventId, error: String(err) });
        await send({ type: 'error', error: problem.toJSON().error });
      }
    });
  });
  return r;
}
