// The door's less frequent actions: hand over the shift, update the roster, mute, export the
// scans not sent yet (the last resort when the network never comes back), pair again.
import { useState } from 'preact/hooks';
import type { DeviceRow } from '../../db';
import { hadirDb, setVolunteer, unsyncedExportEvents } from '../../db';
import { LangToggle } from '../../components/LangToggle';
import { pickText, useLang } from '../../i18n/i18n';
import { ApiFailure } from '../../lib/api';
import { downloadRoster } from '../../door/setup';
import { setMuted } from './feedback';
import type { UnsyncedScansFile } from '../../../shared/api/sync';
import { UNSYNCED_FILE_FORMAT } from '../../../shared/api/sync-limits';

type Bi = { id: string; en: string };

/** Downloads every scan not on the server (waiting or refused) as a JSON file; returns how many. */
export async function exportUnsyncedScans(device: DeviceRow): Promise<number> {
  const events = await unsyncedExportEvents(hadirDb());
  const file: UnsyncedScansFile = {
    format: UNSYNCED_FILE_FORMAT,
    deviceId: device.deviceId,
    eventId: device.eventId,
    door: device.door,
    exportedAt: new Date().toISOString(),
    events,
  };
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `hadir-belum-terkirim-${device.name.replace(/[^\w-]+/g, '_')}-${Date.now()}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return events.length;
}

/** The menu panel. */
export function DoorMenu(props: { device: DeviceRow; onClose: () => void }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [quiet, setQuiet] = useState(false);
  const [message, setMessage] = useState<Bi | null>(null);
  const [updating, setUpdating] = useState<string | null>(null);

  const updateRoster = async () => {
    setMessage(null);
    setUpdating('0%');
    try {
      const n = await downloadRoster(hadirDb(), {
        token: props.device.token,
        from: 'start',
        onProgress: (p) => setUpdating(p.total ? `${Math.round((100 * p.saved) / p.total)}%` : '…'),
      });
      setMessage({
        id: `Daftar diperbarui: ${n} peserta.`,
        en: `Roster updated: ${n} participants.`,
      });
    } catch (err) {
      setMessage(
        err instanceof ApiFailure
          ? err.messages
          : { id: 'Gagal memperbarui daftar.', en: 'Could not update the roster.' },
      );
    } finally {
      setUpdating(null);
    }
  };

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
        <button type="button" onClick={() => void setVolunteer(hadirDb(), '')}>
          {tx({
            id: `Ganti relawan (sekarang: ${props.device.volunteer})`,
            en: `Change volunteer (now: ${props.device.volunteer})`,
          })}
        </button>
        <button type="button" disabled={updating !== null} onClick={() => void updateRoster()}>
          {updating === null
            ? tx({ id: 'Perbarui daftar peserta', en: 'Update the roster' })
            : tx({ id: `Memperbarui… ${updating}`, en: `Updating… ${updating}` })}
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
