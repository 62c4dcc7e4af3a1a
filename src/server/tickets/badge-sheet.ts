// What a badge sheet prints: one wave, every wave, or chosen participants of one event, each
// active participant with their current ticket, in wave order then by name.
import type { Kysely } from 'kysely';
import type { BadgeQuery, BadgeSheet, EventDetail } from '../../shared/api/schemas.js';
import { getSigningKey } from '../store/events.js';
import type { Database } from '../store/schema.js';
import { ticketToken } from './links.js';

/** The sheet for `ask`; asked-for ids that are cancelled or elsewhere are listed as left out. */
export async function badgeSheet(
  db: Kysely<Database>,
  event: EventDetail,
  ask: BadgeQuery,
): Promise<BadgeSheet> {
  let q = db.selectFrom('participants').selectAll().where('event_id', '=', event.id);
  if ('wave' in ask) q = q.where('wave_id', '=', ask.wave);
  if ('ids' in ask) q = q.where('id', 'in', ask.ids);
  const rows = await q.orderBy('name').orderBy('id').execute();
  const active = rows.filter((p) => p.status === 'active');
  const waveOrder = new Map(event.waves.map((w, i) => [w.id, i]));
  active.sort((a, b) => (waveOrder.get(a.wave_id) ?? 0) - (waveOrder.get(b.wave_id) ?? 0));

  const key = await getSigningKey(db, event.id);
  const badges: BadgeSheet['badges'] = [];
  for (const p of active) {
    badges.push({
      participantId: p.id,
      waveId: p.wave_id,
      name: p.name,
      business: p.business,
      token: await ticketToken(key, p),
    });
  }
  const printed = new Set(badges.map((b) => b.participantId));
  const used = new Set(badges.map((b) => b.waveId));
  return {
    eventName: event.name,
    logoUrl: event.logoUrl ?? null,
    waves: event.waves
      .filter((w) => used.has(w.id) || ('wave' in ask && w.id === ask.wave))
      .map((w) => ({ id: w.id, name: w.name, venue: w.venue, startsAt: w.startsAt })),
    badges,
    leftOut: 'ids' in ask ? ask.ids.filter((id) => !printed.has(id)) : [],
  };
}
