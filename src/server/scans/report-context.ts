// Loads what the organizer's reports need: the event, names of people and devices (small, read
// each time so renames and roster changes show at once) and the fold of its scans, taken from the
// per-event cache; `refold: true` folds every scan again, the old path kept as the reference.
import type { Store } from '../store/database.js';
import type { RosterPerson } from './summary.js';
import { listDevices } from '../store/devices.js';
import { getEventDetail } from '../store/events.js';
import { allScans } from '../store/scans.js';
import { walkInParticipants } from '../store/walk-ins.js';
import { notFound } from '../http/problem.js';
import type { EventFold } from './fold-cache.js';
import { foldCacheOf } from './fold-cache.js';
import { rosterOf } from './roster-cache.js';
import type { ReportContext } from './report.js';
import { foldScans } from './report.js';

const EVENT = { id: 'Acara', en: 'Event' };

// Between the steps of a report the event loop serves other requests: with SQLite every query
// runs synchronously, so without these a report would be one long block for /api/health.
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The report context of an event (404 when it does not exist), with its fold's cursor. */
export async function loadReportContext(
  store: Store,
  eventId: string,
  opts: { refold?: boolean } = {},
): Promise<
  ReportContext &
    Pick<EventFold, 'cursor' | 'epoch' | 'touched'> & { roster: readonly RosterPerson[] }
> {
  const { db } = store;
  const event = await getEventDetail(db, eventId);
  if (!event) throw notFound(EVENT);
  await yieldToOthers();
  const roster = await rosterOf(store, eventId);
  await yieldToOthers();
  const [deviceRows, walkIns] = await Promise.all([
    listDevices(db, eventId),
    walkInParticipants(db, eventId),
  ]);
  const devices = new Map(
    deviceRows.map((d) => [
      d.id,
      {
        name: d.name,
        serverMinusDeviceMs:
          d.server_minus_device_ms === null ? null : Number(d.server_minus_device_ms),
      },
    ]),
  );
  let fold: Pick<ReportContext, 'state' | 'byId'> & Pick<EventFold, 'cursor' | 'epoch' | 'touched'>;
  if (opts.refold) {
    const scans = await allScans(db, eventId);
    fold = { ...foldScans(scans), cursor: -1, epoch: 'refold', touched: new Map() };
  } else {
    fold = await foldCacheOf(store).fold(eventId, devices);
  }
  await yieldToOthers();
  return {
    event,
    state: fold.state,
    byId: fold.byId,
    // Read when the report is built, not now: another request may advance the shared fold in
    // between, and a report must carry the cursor of what it shows (live deltas continue there).
    get cursor() {
      return fold.cursor;
    },
    epoch: fold.epoch,
    touched: fold.touched,
    roster: roster.rows,
    people: roster.people,
    devices,
    walkIns,
  };
}
