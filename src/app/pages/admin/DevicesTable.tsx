import type { DeviceInfo } from '../../../shared/api/door';
import type { WaveInfo } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import { deviceWaveNames } from './devices-forms';
import { devicesText } from './devices-text';
import { formatWib } from './wib-time';
import { useCan } from './me';

/** The event's devices: door, waves, last contact and status; "Cabut" names its device. */
export function DevicesTable(props: {
  devices: DeviceInfo[];
  waves: WaveInfo[];
  onRevoke: (d: DeviceInfo) => void;
}) {
  const lang = useLang();
  const staf = useCan('staf');
  const t = devicesText[lang];
  return (
    <div class="table-scroll">
      <table class="devices" data-testid="devices-table">
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colDoor}</th>
            <th scope="col">{t.colWaves}</th>
            <th scope="col">{t.colSeen}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.devices.map((d) => {
            const revoked = d.revokedAt !== null;
            return (
              <tr key={d.id} data-device-id={d.id}>
                <th scope="row">{d.name}</th>
                <td>{d.door}</td>
                <td>{deviceWaveNames(d, props.waves).join(', ')}</td>
                <td>{d.lastSeenAt ? formatWib(d.lastSeenAt, lang) : t.never}</td>
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
