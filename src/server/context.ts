// What every route receives: the store, limits, logging and how to build public links.
import type { Hono } from 'hono';
import type { Role } from '../shared/api/team.js';
import type { LimitRules } from './auth/rate-limit.js';
import type { Logger } from './http/log.js';
import type { LiveHub } from './live/hub.js';
import type { Store } from './store/database.js';
import type { DeviceAuth } from './store/devices.js';

export interface AppDeps {
  store: Store;
  log: Logger;
  /** Folder with the built browser app (dist/public); omitted in API-only tests. */
  publicDir?: string | undefined;
  /** Origin for ticket links (e.g. https://hadir.tangsel.go.id); else the request's origin. */
  publicUrl?: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies?: boolean;
  /** Sign-in, pairing and setup limits (kept in the store); DEFAULT_LIMITS for any omitted. */
  limits?: Partial<LimitRules>;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
  /** Live-scan announcements; createApp makes one for the store when omitted. */
  live?: LiveHub;
}

export interface AppEnv {
  Variables: {
    organizer: { id: string; username: string; role: Role };
    /** Set by requireDevice on door routes. */
    device: DeviceAuth;
  };
}

export type AppRouter = Hono<AppEnv>;
