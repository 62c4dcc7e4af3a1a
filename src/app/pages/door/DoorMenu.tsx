// The door's less frequent actions: hand over the shift, update the roster, mute, export the
// scans not sent yet (the last resort when the network never comes back), pair again.
import { useState } from 'preact/hooks';
import type { DeviceRow } from '../../db';
import { LangToggle } from '../../components/LangToggle';
import { doorEngine } from '../../door/app-door';
import { pickText, useLang } from '../../i18n/i18n';
import { saveJsonFile } from '../../lib/save-file';
import { setMuted } from './feedback';

type Bi = { id: string; en: string };

/** Saves every scan not on the server (waiting or refused) as a JSON file; returns how many. */
export async function exportUnsyncedScans(device: DeviceRow): Promise<number> {
  const file = await doorEngine().unsyncedFile();
  if (!file) return 0;
  saveJsonFile(
    `hadir-belum-terkirim-${device.name.replace(/[^\w-]+/g, '_')}-${Date.now()}.json`,
    file,
  );
  return file.events.length;
}

/** The menu panel. */
export function DoorMenu(props: { device: DeviceRow; onClose: () => void }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [quiet, setQuiet] = useState(false);
  const [message, setMessage] = useState<Bi | null>(null);
  const door = doorEngine();
  const download = door.download.value;

  const updateRoster = async () => {
    setMessage(null);
    const n = await door.downloadRoster('start');
    const error = door.download.peek().error;
    if (n !== null) {
      setMessage({
        id: `Daftar diperbarui: ${n} peserta.`,
        en: `Roster updated: ${n} participants.`,
      });
    } else if (error) setMessage(error);
  };
  const progress = download.total ? `${Math.round((100 * download.saved) / download.total)}%` : '…';

  return (
    <div
      class="door-panel"
      role="dialog"
      aria-label={tx({ id: 'Menu', en: 'Menu' })}
      data-testid="door-menu"
    >
      <div class="door-panel-head">
        <h2>{tx({ id: 'Menu', en: 'Menu' })}</h2>
        <button type="button" onClick={props.onClose}>
          {tx({ id: 'Tutup', en: 'Close' })}
        </button>
      </div>
      <p class="door-note">
        {props.device.eventName} · {props.device.name} · {props.device.door}
      </p>
      <div class="door-menu-actions">
        <button type="button" onClick={() => void door.setVolunteer('')}>
          {tx({
            id: `Ganti relawan (sekarang: ${props.device.volunteer})`,
            en: `Change volunteer (now: ${props.device.volunteer})`,
          })}
        </button>
        <button type="button" disabled={download.running} onClick={() => void updateRoster()}>
          {!download.running
            ? tx({ id: 'Perbarui daftar peserta', en: 'Update the roster' })
            : tx({ id: `Memperbarui… ${progress}`, en: `Updating… ${progress}` })}
        </button>
        <button
          type="button"
          aria-pressed={quiet}
          onClick={() => {
            setMuted(!quiet);
            setQuiet(!quiet);
          }}
        >
          {quiet
            ? tx({ id: 'Nyalakan suara', en: 'Sound on' })
            : tx({ id: 'Matikan suara', en: 'Mute sounds' })}
        </button>
        <button
          type="button"
          data-testid="export-unsynced"
          onClick={async () => {
            const n = await exportUnsyncedScans(props.device);
            setMessage({ id: `${n} pemindaian diekspor.`, en: `${n} scans exported.` });
          }}
        >
          {tx({ id: 'Ekspor pemindaian yang belum terkirim', en: 'Export scans not sent yet' })}
        </button>
        <a class="button" href="/scan/pair">
          {tx({ id: 'Pasangkan ulang tablet', en: 'Pair this tablet again' })}
        </a>
        <LangToggle />
      </div>
      {message && <p role="status">{tx(message)}</p>}
    </div>
  );
}
