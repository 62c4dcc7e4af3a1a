// Door tablets hold a live stream (GET /api/door/live) and sync when poked, instead of polling
// every few seconds. A poke goes out on the same hub as the organizer's live arrivals: after a
// scan is stored (the push announces it), and after the organizer changes what tablets hold —
// the roster, a wave or its sessions, a device's standing. Notifications carry only the event id.
import type { AppDeps } from '../context.js';

/** Tells every tablet (and live view) of `eventId` to sync soon; never fails the caller. */
export async function pokeDoors(deps: AppDeps, eventId: string | undefined | null): Promise<void> {
  if (!eventId || !deps.live) return;
  await deps.live.announce(eventId).catch((err: unknown) => {
    deps.log('warn', 'door-poke-failed', { error: String(err) });
  });
}
