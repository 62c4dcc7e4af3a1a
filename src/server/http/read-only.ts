// Archived events are read-only: every write aimed at one (its waves, sessions, participants,
// devices, imports, review marks) answers 409 with a bilingual problem. Declared once here,
// before the routes, so no write route can forget it. Exempt: archiving itself, un-archiving,
// deleting the event, revoking a device (a lost tablet must always be revocable), and the
// retention day and erasure of personal data (the law's deadline does not wait for un-archiving).
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { eventOf, isArchived } from '../store/event-lifecycle.js';
import { fail } from './problem.js';

/** The 409 every write to an archived event gets. */
export const archivedProblem = () =>
  fail(
    409,
    'event-archived',
    'Acara ini sudah diarsipkan dan hanya bisa dibaca. Keluarkan dari arsip untuk mengubahnya.',
    'This event is archived and read-only. Un-archive it to make changes.',
  );

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OWNERS = {
  waves: 'waves',
  sessions: 'sessions',
  participants: 'participants',
  certificates: 'certificates',
} as const;

/** Which event a write to `path` (under /api) changes, when it changes one. */
async function targetEvent(deps: AppDeps, method: string, path: string) {
  const [, root, id, action] = path.replace(/^\/api/, '').split('/');
  if (!root || !id) return undefined;
  if (root === 'events') {
    if (action === 'archive' || action === 'unarchive' || action === 'retention') return undefined;
    if (action === undefined && method === 'DELETE') return undefined;
    return id;
  }
  if (root in OWNERS) return eventOf(deps.store.db, OWNERS[root as keyof typeof OWNERS], id);
  return undefined;
}

/** Middleware for /api/*: 409 for a write to an archived event. */
export function refuseArchivedWrites(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    const eventId = await targetEvent(deps, c.req.method, c.req.path);
    if (eventId !== undefined && (await isArchived(deps.store.db, eventId))) {
      throw archivedProblem();
    }
    return next();
  };
}
