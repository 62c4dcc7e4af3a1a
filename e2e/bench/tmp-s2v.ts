import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from '@playwright/test';
import { participantsOf, prepareDoorEvent, ticketOf } from '../fixtures/door-event.js';
import { startServer } from '../fixtures/server.js';
import { writeY4m } from '../fixtures/y4m.js';
import { throttledRuns } from './door-hot-path.js';
const server = await startServer();
const api = await request.newContext();
const work = mkdtempSync(join(tmpdir(), 'hadir-s2v-'));
try {
  const door = await prepareDoorEvent(server, api);
  const blank = join(work, 'blank.y4m');
  await writeY4m({ path: blank, scenes: [{ text: null, seconds: 1 }] });
  const people = await participantsOf(door, door.wave1.id, 60);
  const tickets = await Promise.all(people.map((p) => ticketOf(door, p.id)));
  await throttledRuns(door, blank, work, tickets);
} finally {
  await api.dispose();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
