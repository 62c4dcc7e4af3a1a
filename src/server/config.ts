// Configuration from the environment, checked once at start.

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicDir: string;
  publicUrl: string | undefined;
  secureCookies: boolean;
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_DIR, PUBLIC_URL. */
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
  };
}
