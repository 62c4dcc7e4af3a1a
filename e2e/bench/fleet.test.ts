// The fleet simulator's correctness core on a tiny fleet: 10 tablets over 2 events against two
// real server processes behind the round-robin proxy, one SIGKILLed mid-rush. Every scan the
// tablets took must be stored exactly once, acknowledged, and heard by every other tablet of its
// event (most of them carried in the door streams); no outbox may keep anything. (Timings are the bench's business, not asserted here.)
import { describe, expect, it } from 'vitest';
import { PG_REQUIRED, PG_URL, postgresReachable } from '../../src/server/testing/stores.js';
import { runFleet } from './fleet.js';

const reachable = await postgresReachable();
if (!reachable && PG_REQUIRED) throw new Error(`PostgreSQL required but unreachable: ${PG_URL}`);
if (!reachable) console.warn(`Skipping the fleet test: PostgreSQL not reachable at ${PG_URL}`);

describe.skipIf(!reachable)('a tiny fleet through a server kill', () => {
  it('stores every scan exactly once and drains every outbox', async () => {
    const f = await runFleet({
      tablets: 10,
      events: 2,
      participants: 60,
      consoles: 2,
      quietS: 2,
      rushS: 12,
      offlineShare: 0.2,
      backlog: 40,
      kill: true,
      bareS: 0,
      drainS: 30,
    });
    expect(f.killedAt).not.toBeNull();
    // The run did what it says: scans before and after the kill, the offline backlogs among them.
    expect(f.pushMs.n).toBeGreaterThan(0);
    expect(f.pushAfterKillMs.n).toBeGreaterThan(0);
    expect(f.scans).toBeGreaterThan(2 * 40);
    expect({
      lost: f.lost,
      duplicated: f.duplicated,
      unacknowledged: f.unacknowledged,
      outboxLeft: f.outboxLeft,
      rejected: f.rejected,
      tabletsMissingScans: f.tabletsMissingScans,
    }).toEqual({
      lost: 0,
      duplicated: 0,
      unacknowledged: 0,
      outboxLeft: 0,
      rejected: 0,
      tabletsMissingScans: 0,
    });
    // Other doors' scans came in the door streams (not only by pulls), and still none is missing.
    expect(f.streamed.stored).toBeGreaterThan(0);
    // The organizer consoles saw scans arrive on the live page.
    expect(f.consoleMs.n).toBeGreaterThan(0);
  }, 90_000);
});
