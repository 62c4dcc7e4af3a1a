// Configuration from the environment, checked once at start.
import { linkOriginProblem } from '../shared/sending/link-origin.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicDir: string;
  publicUrl: string | undefined;
  secureCookies: boolean;
  /** Behind one reverse proxy: client addresses come from X-Forwarded-For / X-Real-IP. */
  trustProxy: boolean;
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_DIR, PUBLIC_URL, TRUST_PROXY. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT tidak valid / invalid PORT: ${env.PORT}`);
  }
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? 'data',
    databaseUrl: env.DATABASE_URL || undefined,
    publicDir: env.PUBLIC_DIR ?? 'dist/public',
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    trustProxy: readSwitch('TRUST_PROXY', env.TRUST_PROXY),
  };
}

/** An on/off setting: 1/true/yes/on or 0/false/no/off (unset or empty: off). */
function readSwitch(name: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(v)) return false;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  throw new Error(`${name} tidak valid (pakai on/off) / invalid ${name} (use on/off): ${value}`);
}

/**
 * The warning to print at start when ticket links would be dead on participants' phones: the
 * server listens beyond this machine but PUBLIC_URL is unset (links would follow whatever
 * address the organizer browses from), or PUBLIC_URL itself is local, private or plain http.
 */
export function linkWarning(config: Pick<Config, 'host' | 'publicUrl'>): string | null {
  if (config.publicUrl) {
    const problem = linkOriginProblem(config.publicUrl);
    return problem === null
      ? null
      : `PERINGATAN / WARNING: PUBLIC_URL=${config.publicUrl} tidak bisa dibuka di HP peserta; tautan tiket akan mati. Pakai alamat https publik. / Participants' phones cannot open it; ticket links would be dead. Use the public https address.`;
  }
  // Listening on loopback only: nobody else can reach it, links or not.
  const loopback =
    config.host === 'localhost' || config.host === '::1' || /^127\./.test(config.host);
  if (loopback) return null;
  return `PERINGATAN / WARNING: PUBLIC_URL belum diatur, jadi tautan tiket memakai alamat yang dibuka panitia (mis. localhost) dan tidak akan terbuka di HP peserta. Atur PUBLIC_URL ke alamat https publik. / PUBLIC_URL is not set, so ticket links use the address the organizer browses from (e.g. localhost) and will not open on participants' phones. Set PUBLIC_URL to the public https address.`;
}
