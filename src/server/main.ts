// Starts the Hadir server: open the store (running migrations), serve app + API, print the
// one-time setup link on first run, and close cleanly on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openSetup } from './auth/setup.js';
import { linkWarning, readConfig } from './config.js';
import { createLogger } from './http/log.js';
import { createLiveHub } from './live/hub.js';
import { startRetentionSchedule } from './retention/erase.js';
import {
  checkStoreWritable,
  prepareDataDir,
  storeOpenProblem,
  tightenDataFiles,
} from './store/data-files.js';
import { openStore } from './store/database.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const log = createLogger();
  if (!config.databaseUrl) prepareDataDir(config.dataDir);
  const where = config.databaseUrl ? 'DATABASE_URL' : `DATA_DIR=${config.dataDir}`;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
    (err: unknown) => {
      throw storeOpenProblem(where, err);
    },
  );
  try {
    await checkStoreWritable(store, where);
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  if (!config.databaseUrl) tightenDataFiles(config.dataDir);
  const live = createLiveHub(store, log);
  // Personal data past its event's retention day is erased now and checked for every hour.
  const stopRetention = startRetentionSchedule(store, log);
  const app = createApp({
    store,
    log,
    live,
    trustProxy: config.trustProxy,
    publicDir: config.publicDir,
    publicUrl: config.publicUrl,
    secureCookies: config.secureCookies,
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const origin = config.publicUrl ?? `http://localhost:${info.port}`;
    log('info', 'listening', { port: info.port, store: store.dialect });
    console.log(`Hadir berjalan di / running at ${origin}`);
    const warning = linkWarning(config);
    if (warning) {
      log('warn', 'ticket links would not open on phones', { publicUrl: config.publicUrl ?? null });
      console.warn(warning);
    }
    void openSetup(store).then((token) => {
      if (token) {
        console.log(
          `Buat akun panitia (sekali pakai) / Create the organizer account (one-time):\n  ${origin}/admin/setup#${token}`,
        );
      }
    });
  });
  const http = server as Server;
  http.headersTimeout = 30_000;
  http.requestTimeout = 120_000;

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log('info', 'shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Live streams never end on their own; closing the hub ends them.
    void live.close();
    stopRetention();
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    // Idle keep-alive sockets would hold close() open.
    http.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // One line, never a stack: the organizer reads it in a console or a service log.
  const why = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  console.error(`Hadir gagal mulai / Hadir failed to start: ${why}`);
  process.exit(1);
});
