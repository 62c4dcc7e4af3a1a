import type { DeviceInfo } from '../../../shared/api/door';
import type { WaveInfo } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import { DeviceGlanceCells } from './DeviceGlanceCells';
import { deviceGlance } from './device-glance';
import { deviceGlanceText } from './device-glance-text';
import { deviceWaveNames } from './devices-forms';
import { devicesText } from './devices-text';
import { formatWib } from './wib-time';
import { useCan } from './me';

/** The event's devices: door, waves, the tablet at a glance and status; "Cabut" names its device. */
export function DevicesTable(props: {
  devices: DeviceInfo[];
  waves: WaveInfo[];
  onRevoke: (d: DeviceInfo) => void;
}) {
  const lang = useLang();
  const staf = useCan('staf');
  const t = devicesText[lang];
  const g = deviceGlanceText[lang];
  const now = Date.now();
  return (
    <div class="table-scroll">
      <table class="devices" data-testid="devices-table">
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colDoor}</th>
            <th scope="col">{t.colWaves}</th>
            <th scope="col">{g.colSeen}</th>
            <th scope="col">{g.colUnsynced}</th>
            <th scope="col">{g.colClock}</th>
            <th scope="col">{g.colStorage}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.devices.map((d) => {
            const revoked = d.revokedAt !== null;
            const glance = deviceGlance(d, now);
            return (
              <tr
                key={d.id}
                data-device-id={d.id}
                data-stale={String(glance.stale)}
                class={glance.stale ? 'device-stale' : undefined}
              >
                <th scope="row">{d.name}</th>
                <td>{d.door}</td>
                <td>{deviceWaveNames(d, props.waves).join(', ')}</td>
                <DeviceGlanceCells glance={glance} now={now} never={t.never} />
                <td>
                  <span
                    class={revoked ? 'status cancelled' : 'status active'}
                    title={revoked ? t.revokedAt(formatWib(d.revokedAt!, lang)) : undefined}
                  >
                    {revoked ? t.revoked : t.active}
                  </span>
                </td>
                <td>
                  {revoked ? (
                    <span class="muted">—</span>
                  ) : (
                    <button
                      type="button"
                      class="secondary small danger-text"
                      onClick={() => props.onRevoke(d)}
                      aria-label={`${t.revoke}: ${d.name} (${d.door})`}
                      data-testid="device-revoke"
                      hidden={!staf}
                    >
                      {t.revoke}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
