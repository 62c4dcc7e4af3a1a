// First run: while no organizer exists, a one-time setup link creates the first account.
// Only the token's hash is stored; a new link is made at each start until setup is done.
import type { Store } from '../store/database.js';
import { deleteMeta, getMeta, setMeta } from '../store/meta.js';
import { countOrganizers } from '../store/organizers.js';
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

/** Closes setup after the first account exists. */
export async function closeSetup(store: Store): Promise<void> {
  await deleteMeta(store.db, KEY);
}
