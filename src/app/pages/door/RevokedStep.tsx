// The organizer revoked this tablet: its roster is gone, but every scan it made is kept and
// counted here, with the export as the way to hand over what never reached the server.
import { useState } from 'preact/hooks';
import type { DeviceRow } from '../../db';
import { doorEngine } from '../../door/app-door';
import { pickText, useLang } from '../../i18n/i18n';
import { DoorFrame } from './DoorFrame';
import { exportUnsyncedScans } from './DoorMenu';

/** Shown instead of the door once the server said the device is revoked. */
export function RevokedStep(props: { device: DeviceRow }) {
  const lang = useLang();
  const tx = (m: { id: string; en: string }) => pickText(m, lang);
  const unsynced = doorEngine().health.value?.unsynced ?? 0;
  const [exported, setExported] = useState<number | null>(null);
  return (
    <DoorFrame title={tx({ id: 'Tablet ini dicabut', en: 'This tablet was revoked' })}>
      <div class="notice problem" role="alert" data-testid="door-revoked">
        <p>
          {tx({
            id: `Panitia mencabut ${props.device.name} (${props.device.door}). Daftar peserta sudah dihapus dari tablet ini dan pemindaian tidak bisa dilakukan.`,
            en: `The organizer revoked ${props.device.name} (${props.device.door}). The roster was removed from this tablet and it can no longer scan.`,
          })}
        </p>
        <p data-testid="revoked-unsynced" data-count={unsynced}>
          {unsynced === 0
            ? tx({
                id: 'Semua pemindaian tablet ini sudah ada di server.',
                en: "All of this tablet's scans are on the server.",
              })
            : tx({
                id: `${unsynced} pemindaian belum sampai ke server. Ekspor berkasnya dan serahkan ke panitia.`,
                en: `${unsynced} scans have not reached the server. Export the file and give it to the organizer.`,
              })}
        </p>
      </div>
      {unsynced > 0 && (
        <button
          type="button"
          class="primary"
          onClick={async () => setExported(await exportUnsyncedScans(props.device))}
        >
          {tx({ id: 'Ekspor pemindaian yang belum terkirim', en: 'Export scans not sent yet' })}
        </button>
      )}
      {exported !== null && (
        <p role="status">
          {tx({ id: `${exported} pemindaian diekspor.`, en: `${exported} scans exported.` })}
        </p>
      )}
    </DoorFrame>
  );
}
