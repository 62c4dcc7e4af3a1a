// First run: while no organizer exists, a one-time setup link creates the first account.
// Only the token's hash is stored; a new link is made at each start until setup is done.
import type { Kysely } from 'kysely';
import type { Store } from '../store/database.js';
import { deleteMeta, getMeta, setMeta } from '../store/meta.js';
import { countOrganizers } from '../store/organizers.js';
import type { Database } from '../store/schema.js';
import { hashSecret, newSecret } from './tokens.js';

const KEY = 'setup_token_hash';

/** Returns a fresh setup token when setup is still open, else null. */
export async function openSetup(store: Store): Promise<string | null> {
  if ((await countOrganizers(store.db)) > 0) {
    await deleteMeta(store.db, KEY);
    return null;
  }
  const token = newSecret();
  await setMeta(store.db, KEY, hashSecret(token));
  return token;
}

/** True when `token` is the current setup token. */
export async function checkSetupToken(store: Store, token: string): Promise<boolean> {
  const stored = await getMeta(store.db, KEY);
  return stored !== null && stored === hashSecret(token);
}

/**
 * Spends the setup token and runs `create` in the same transaction: the token's row is deleted
 * only if it still holds this token, so of several concurrent posts exactly one sees a deleted
 * row and creates its account; the others get false and create nothing.
 */
export async function claimSetup(
  store: Store,
  token: string,
  create: (tx: Kysely<Database>) => Promise<void>,
): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const claimed = await tx
      .deleteFrom('meta')
      .where('key', '=', KEY)
      .where('value', '=', hashSecret(token))
      .executeTakeFirst();
    if (Number(claimed.numDeletedRows) !== 1) return false;
    await create(tx);
    return true;
  });
}
