// The "at a glance" cells of one devices-table row: last seen, scans not sent yet, clock and
// storage, each in words; a tablet sitting on unsent scans unseen for 10 minutes says so.
import { useLang } from '../../i18n/i18n';
import type { DeviceGlance } from './device-glance';
import { spanWords } from './device-glance';
import { deviceGlanceText } from './device-glance-text';
import { formatWibClock } from './wib-time';

/** Four cells: seen, unsynced, clock, storage. */
export function DeviceGlanceCells(props: { glance: DeviceGlance; now: number; never: string }) {
  const lang = useLang();
  const g = deviceGlanceText[lang];
  const x = props.glance;
  const offset = x.clockOffsetMs;
  return (
    <>
      <td data-testid="device-seen">
        {x.lastSeen === null ? (
          props.never
        ) : (
          <>
            {formatWibClock(new Date(x.lastSeen).toISOString(), lang)}
            <div class="muted">{g.ago(spanWords(props.now - x.lastSeen, lang))}</div>
          </>
        )}
      </td>
      <td data-testid="device-unsynced">
        {x.unsynced === null ? (
          <span class="muted">{g.unknown}</span>
        ) : x.unsynced === 0 ? (
          g.allSent
        ) : (
          <>
            <strong>{g.unsynced(x.unsynced)}</strong>
            {x.oldestWaitMs !== null && (
              <div class="muted">{g.oldest(spanWords(x.oldestWaitMs, lang))}</div>
            )}
          </>
        )}
        {x.stale && (
          <div class="tag warn" role="status">
            {g.stale}
          </div>
        )}
      </td>
      <td data-testid="device-clock" data-wrong={String(x.clockWrong)}>
        {offset === null ? (
          <span class="muted">—</span>
        ) : !x.clockWrong ? (
          g.clockOk
        ) : (
          <span class="tag warn">
            {offset > 0
              ? g.clockSlow(spanWords(offset, lang))
              : g.clockFast(spanWords(offset, lang))}
          </span>
        )}
      </td>
      <td data-testid="device-storage">
        {x.storagePersisted === null ? (
          <span class="muted">—</span>
        ) : x.storagePersisted ? (
          g.persisted
        ) : (
          <span class="tag warn">{g.notPersisted}</span>
        )}
        {x.appVersion && <div class="muted">{g.app(x.appVersion)}</div>}
        {x.rosterCurrent === false && <div class="tag warn">{g.rosterOld}</div>}
      </td>
    </>
  );
}
