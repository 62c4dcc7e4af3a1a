// Who is signed in, with their role: asked once per sign-in and shared by every organizer page,
// so menus and buttons can hide what the role may not do. The server still decides (403).
import { signal } from '@preact/signals';
import type { Organizer } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/api/team';
import { roleAtLeast } from '../../../shared/api/team';
import { api } from '../../lib/api';

const me = signal<Organizer | null>(null);
let asked = false;

/** The signed-in organizer (null until known); loads it the first time a page asks. */
export function useMe(): Organizer | null {
  if (!asked) {
    asked = true;
    api<Organizer>('/api/auth/me').then(
      (o) => (me.value = o),
      () => (asked = false),
    );
  }
  return me.value;
}

/** True once the member is known to have `min` or a higher role. */
export function useCan(min: Role): boolean {
  const o = useMe();
  return o !== null && roleAtLeast(o.role, min);
}

/** Forgets the member (after signing in or out) so the next page asks again. */
export function forgetMe(): void {
  me.value = null;
  asked = false;
}
