// Which sync rounds pull. While the door's live stream is up it brings other doors' scans (in
// `scans` deliveries, or as a poke when it cannot carry them) and pokes on every organizer change
// it hears of, so a round asked for only by the tablet's own scans pushes and does not pull: the
// push answer carries the manifest version as a pull does, so a changed manifest (sessions,
// waves, keys, the device's door) is still fetched. Everything else pulls: app start, a poke, a
// stream delivery that leaves a gap or cannot be read, the `online` event, a page made visible,
// a Background Sync, a retry after a failure, the fallback poll (counted from the last pull, not
// the last round, so a busy door still pulls once a minute), a stream that comes up again (what
// it missed while down), and every round while the stream is down. DOM-free: the fleet
// simulator (e2e/bench/fleet.ts) runs the same plan.

/** Why a round is asked for: the tablet's own scan (it may push only), or anything else. */
export type SyncCause = 'own-scan' | 'pull';

export class PullPlan {
  /** Something only a pull brings may be waiting (true at start: the first round pulls). */
  private owed = true;
  private live = false;
  /** When the last round that pulled ended (ms; 0 before any), for the fallback poll. */
  lastPullAt = 0;

  /** A round is asked for: any cause but the tablet's own scan makes the next round pull. */
  ask(cause: SyncCause): void {
    if (cause !== 'own-scan') this.owed = true;
  }

  /**
   * The live stream is up (true) or down. Returns true when it has just come up: the next round
   * pulls, for what the tablet may have missed while it was down.
   */
  setLive(connected: boolean): boolean {
    const up = connected && !this.live;
    this.live = connected;
    if (up) this.owed = true;
    return up;
  }

  /** At a round's start: whether it pulls. A round that pulls settles what was owed. */
  take(): boolean {
    const pull = this.owed || !this.live;
    this.owed = false;
    return pull;
  }

  /** At a round's end (`ok`: no error): a failed round leaves a pull owed. */
  done(pulled: boolean, ok: boolean, now: number): void {
    if (pulled) this.lastPullAt = now;
    if (!ok) this.owed = true;
  }

  /** Whether the timer's poll is due: always without the stream, else once per `liveIntervalMs`. */
  pollDue(now: number, liveIntervalMs: number): boolean {
    return !this.live || now - this.lastPullAt >= liveIntervalMs;
  }
}
