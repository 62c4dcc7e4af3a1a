// Gathers the "Perlu diperiksa" list from what the reports already hold: flagged admissions
// (by hand, walk-ins, supervisor overrides, not on the tablet's list), forged tickets, double
// admissions, differing copies of a scan id, and scans the server refused; then lays marks on.
import type { ConflictReport } from '../../shared/api/attendance.js';
import type { ReviewItem, ReviewReason, WalkInItem } from '../../shared/api/review.js';
import type { ScanEvent } from '../../shared/door/types.js';
import type { ReportContext } from './report.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A refused scan as stored (scan_rejections). */
export interface RejectionRow {
  scan_id: string;
  body_hash: string;
  device_id: string;
  message: string;
  code: string;
  received_at: number;
  /** The event as it came, JSON text (possibly malformed). */
  body: string;
}

/** What a refused event says about itself, read defensively: it may be why it was refused. */
function refusedBody(body: string): { participantId?: string; door?: string; volunteer?: string } {
  try {
    const b: unknown = JSON.parse(body);
    if (typeof b !== 'object' || b === null) return {};
    const o = b as Record<string, unknown>;
    const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
    return {
      participantId: text(o.participantId),
      door: text(o.door),
      volunteer: text(o.volunteer),
    };
  } catch {
    return {};
  }
}

/** Why one scan needs a look, if it does: the reasons its fold flag stands for, one each. */
function scanReasons(e: ScanEvent): { reason: ReviewReason; detail: string | null }[] {
  if (e.kind === 'walk-in') return [{ reason: 'walk-in', detail: null }];
  if (e.kind === 'override') return [{ reason: 'override', detail: null }];
  if (e.kind === 'undo') return [];
  const out: { reason: ReviewReason; detail: string | null }[] = [];
  if (e.verdict === 'valid-not-in-roster') out.push({ reason: 'not-in-roster', detail: null });
  if (e.verdict === 'forged') out.push({ reason: 'forged', detail: null });
  for (const flag of e.flags ?? []) {
    out.push(
      flag === 'manual-search'
        ? { reason: 'manual-search', detail: null }
        : { reason: 'flag', detail: flag },
    );
  }
  return out;
}

/** A walk-in scan as an item to confirm as a participant. */
function walkInItem(ctx: ReportContext, e: ScanEvent): WalkInItem | undefined {
  if (e.kind !== 'walk-in' || !e.walkIn) return undefined;
  const sessionWave = ctx.event.waves.find((w) => w.sessions.some((s) => s.id === e.sessionId));
  return {
    scanId: e.id,
    name: e.walkIn.name,
    business: e.walkIn.business,
    phone: e.walkIn.phone,
    waveId: e.walkIn.waveId ?? sessionWave?.id ?? null,
    participantId: ctx.walkIns.get(e.id) ?? null,
  };
}

/** Every item to review, oldest first, with its mark when one was made. */
export function reviewItems(
  ctx: ReportContext,
  conflicts: ConflictReport,
  rejections: RejectionRow[],
  marks: Map<string, { by: string; at: number }>,
): ReviewItem[] {
  const items: Omit<ReviewItem, 'reviewed'>[] = [];
  const scans = [...ctx.byId.values()];
  const undone = new Set(scans.flatMap((s) => (s.event.undoes ? [s.event.undoes] : [])));
  for (const { event: e } of scans) {
    if (undone.has(e.id)) continue;
    const linked = e.participantId ?? ctx.walkIns.get(e.id);
    const person = linked ? ctx.people.get(linked) : undefined;
    const walkIn = walkInItem(ctx, e);
    for (const { reason, detail } of scanReasons(e)) {
      items.push({
        key: `scan:${e.id}:${reason}:${detail ?? ''}`,
        reason,
        detail,
        name: person?.name ?? e.walkIn?.name ?? null,
        business: person?.business ?? e.walkIn?.business ?? null,
        at: iso(e.correctedTime ?? e.deviceTime),
        door: e.door,
        deviceName: ctx.devices.get(e.deviceId)?.name ?? e.deviceId,
        volunteer: e.volunteer,
        ...(walkIn ? { walkIn } : {}),
      });
    }
  }
  for (const d of conflicts.doubleAdmissions) {
    const first = d.admissions[0]!;
    items.push({
      key: `double:${d.personId}:${d.sessionId}`,
      reason: 'double-admission',
      detail: null,
      name: d.name,
      business: ctx.people.get(d.personId)?.business ?? null,
      at: first.correctedTime,
      door: d.admissions.map((a) => a.door).join(', '),
      deviceName: d.admissions.map((a) => a.deviceName ?? a.deviceId).join(', '),
      volunteer: d.admissions.map((a) => a.volunteer).join(', '),
    });
  }
  for (const c of conflicts.idConflicts) {
    const body = c.received.body as ScanEvent;
    const person = body.participantId ? ctx.people.get(body.participantId) : undefined;
    items.push({
      key: `conflict:${c.id}:${c.received.receivedAt}`,
      reason: 'id-conflict',
      detail: null,
      name: person?.name ?? null,
      business: person?.business ?? null,
      at: c.received.receivedAt,
      door: c.received.door,
      deviceName: c.received.deviceName ?? c.received.deviceId,
      volunteer: c.received.volunteer,
    });
  }
  for (const r of rejections) {
    const sent = refusedBody(r.body);
    const person = sent.participantId ? ctx.people.get(sent.participantId) : undefined;
    items.push({
      key: `rejected:${r.scan_id}:${r.body_hash}`,
      reason: 'rejected',
      detail: r.message || r.code,
      name: person?.name ?? null,
      business: person?.business ?? null,
      at: iso(Number(r.received_at)),
      door: sent.door ?? null,
      deviceName: ctx.devices.get(r.device_id)?.name ?? r.device_id,
      volunteer: sent.volunteer ?? null,
    });
  }
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
  return items.map((item) => {
    const mark = marks.get(item.key);
    return { ...item, reviewed: mark ? { by: mark.by, at: iso(mark.at) } : null };
  });
}
