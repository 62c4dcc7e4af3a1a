// Stored certificate rules (per wave) and admins' overrides (per participant).
import type { Kysely, Transaction } from 'kysely';
import type {
  EligibilityOverride,
  EligibilityRule,
} from '../../shared/certificates/eligibility.js';
import { DEFAULT_RULE } from '../../shared/certificates/eligibility.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Wave id → its rule; waves without one follow DEFAULT_RULE. */
export async function eligibilityRules(
  db: Db,
  eventId: string,
): Promise<Map<string, EligibilityRule>> {
  const rows = await db
    .selectFrom('eligibility_rules')
    .select(['wave_id', 'rule'])
    .where('event_id', '=', eventId)
    .execute();
  return new Map(
    rows.map((r) => [r.wave_id, { ...DEFAULT_RULE, ...(JSON.parse(r.rule) as EligibilityRule) }]),
  );
}

export async function saveEligibilityRule(
  db: Db,
  r: { eventId: string; waveId: string; rule: EligibilityRule; organizerId: string },
  now = Date.now(),
): Promise<void> {
  const values = { rule: JSON.stringify(r.rule), updated_by: r.organizerId, updated_at: now };
  await db
    .insertInto('eligibility_rules')
    .values({ wave_id: r.waveId, event_id: r.eventId, ...values })
    .onConflict((oc) => oc.column('wave_id').doUpdateSet(values))
    .execute();
}

/** Participant id → the override an admin made, with the admin's username. */
export async function eligibilityOverrides(
  db: Db,
  eventId: string,
): Promise<Map<string, EligibilityOverride>> {
  const rows = await db
    .selectFrom('eligibility_overrides as o')
    .leftJoin('organizers as g', 'g.id', 'o.decided_by')
    .select([
      'o.participant_id',
      'o.eligible',
      'o.reason',
      'o.decided_by',
      'o.decided_at',
      'g.username',
    ])
    .where('o.event_id', '=', eventId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.participant_id,
      {
        eligible: Number(r.eligible) === 1,
        reason: r.reason,
        by: r.username ?? r.decided_by,
        at: new Date(Number(r.decided_at)).toISOString(),
      },
    ]),
  );
}

export async function saveEligibilityOverride(
  db: Db,
  o: {
    eventId: string;
    participantId: string;
    eligible: boolean;
    reason: string;
    organizerId: string;
  },
  now = Date.now(),
): Promise<void> {
  const values = {
    eligible: o.eligible ? 1 : 0,
    reason: o.reason,
    decided_by: o.organizerId,
    decided_at: now,
  };
  await db
    .insertInto('eligibility_overrides')
    .values({ participant_id: o.participantId, event_id: o.eventId, ...values })
    .onConflict((oc) => oc.column('participant_id').doUpdateSet(values))
    .execute();
}

/** Removes a participant's override; false when there was none. */
export async function removeEligibilityOverride(db: Db, participantId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('eligibility_overrides')
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
