// The steps before scanning: pair the tablet (a pairing link's code or a typed one), download
// the roster with a progress bar, and name the volunteer on shift.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceRow, DoorStatus } from '../../db';
import { doorEngine } from '../../door/app-door';
import { codeFromFragment } from '../../door/setup';
import { failureWords } from '../../door/setup-state';
import { pickText, useLang } from '../../i18n/i18n';
import { navigate } from '../../router';
import { normalizePairingCode } from '../../../shared/api/pairing-code';
import { CameraView } from './CameraView';
import { DoorFrame, Problem } from './DoorFrame';

type Bi = { id: string; en: string };

/** Pairing: takes the code from a pairing link (`/scan/pair#CODE`) or as typed. */
export function PairStep(props: { paired: DeviceRow | null }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bi | null>(null);
  const [scanning, setScanning] = useState(false);
  const tried = useRef(false);

  const pair = async (value: string) => {
    setScanning(false);
    setBusy(true);
    setError(null);
    try {
      await doorEngine().pair(value);
      navigate('/scan', { replace: true });
    } catch (err) {
      setError(failureWords(err));
      setBusy(false);
    }
  };

  useEffect(() => {
    // A pairing link pairs at once; the code leaves the address bar either way.
    const fromLink = codeFromFragment(location.hash);
    if (fromLink && !tried.current && !props.paired) {
      tried.current = true;
      history.replaceState(null, '', '/scan/pair');
      void pair(fromLink);
    }
  }, []);

  return (
    <DoorFrame title={tx({ id: 'Pasangkan tablet', en: 'Pair this tablet' })}>
      {props.paired && (
        <p class="notice" data-testid="already-paired">
          {tx({
            id: `Tablet ini sudah dipasangkan sebagai ${props.paired.name} (${props.paired.door}). Kode baru akan menggantinya.`,
            en: `This tablet is already paired as ${props.paired.name} (${props.paired.door}). A new code replaces that.`,
          })}
        </p>
      )}
      <p>
        {tx({
          id: 'Minta panitia membuka "Perangkat" → "Tambah perangkat", lalu pindai QR pemasangan dengan kamera tablet atau ketik kodenya di sini.',
          en: 'Ask the organizer to open "Devices" → "Add device", then scan the pairing QR with the tablet camera or type its code here.',
        })}
      </p>
      {scanning ? (
        <div data-testid="pair-camera">
          <div class="door-pair-camera">
            <CameraView
              onCode={(text) => {
                // Only a pairing QR pairs; a participant's ticket shown by mistake is ignored.
                const found = normalizePairingCode(text);
                if (found && !busy) void pair(found);
              }}
            />
          </div>
          <button type="button" onClick={() => setScanning(false)}>
            {tx({ id: 'Tutup kamera', en: 'Close the camera' })}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="primary"
          data-testid="pair-scan"
          onClick={() => setScanning(true)}
        >
          {tx({ id: 'Pindai QR pemasangan', en: 'Scan the pairing QR' })}
        </button>
      )}
      <form
        class="door-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) void pair(code);
        }}
      >
        <label for="pair-code">{tx({ id: 'Kode pemasangan', en: 'Pairing code' })}</label>
        <input
          id="pair-code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          placeholder="ABCD-EFGH"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'pair-error' : undefined}
        />
        <button type="submit" class="primary" disabled={busy || !code.trim()}>
          {busy ? tx({ id: 'Memasangkan…', en: 'Pairing…' }) : tx({ id: 'Pasangkan', en: 'Pair' })}
        </button>
        {error && <Problem id="pair-error" message={tx(error)} />}
      </form>
    </DoorFrame>
  );
}

/** The roster download, resumed from the last saved page, with the persistence answer. */
export function RosterStep(props: { device: DeviceRow }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const door = doorEngine();
  const status = door.standing.value;
  const progress = door.download.value;
  const [retried, setRetried] = useState(false);
  const vanished = !retried && status?.rosterSaved === 0 && status.rosterTotal === null;

  useEffect(() => {
    void door.downloadRoster();
    return () => door.stop();
  }, []);

  const pct = progress.total > 0 ? Math.round((100 * progress.saved) / progress.total) : 0;
  return (
    <DoorFrame title={tx({ id: 'Mengunduh daftar peserta', en: 'Downloading the roster' })}>
      <p>
        {props.device.eventName} · {props.device.door}
      </p>
      {vanished && !progress.running && (
        <p class="notice" role="status">
          {tx({
            id: 'Daftar peserta belum ada di tablet ini. Pemindaian baru bisa dimulai setelah daftar terunduh.',
            en: 'The roster is not on this tablet yet. Scanning starts once it has downloaded.',
          })}
        </p>
      )}
      <label for="roster-progress">
        {tx({
          id: `${progress.saved} dari ${progress.total} peserta`,
          en: `${progress.saved} of ${progress.total} participants`,
        })}
      </label>
      <progress id="roster-progress" data-testid="roster-progress" max={100} value={pct}>
        {pct}%
      </progress>
      {status && <PersistenceNote status={status} />}
      {progress.error && (
        <>
          <Problem message={tx(progress.error)} />
          <p>
            {tx({
              id: 'Yang sudah terunduh tetap tersimpan; unduhan akan dilanjutkan dari situ.',
              en: 'What has downloaded is kept; the download resumes from there.',
            })}
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setRetried(true);
              void door.downloadRoster();
            }}
          >
            {tx({ id: 'Coba lagi', en: 'Try again' })}
          </button>
        </>
      )}
    </DoorFrame>
  );
}

/** What the browser answered to navigator.storage.persist(). */
export function PersistenceNote({ status }: { status: DoorStatus }) {
  const lang = useLang();
  const p = status.persistence;
  if (!p) return null;
  const text = !p.supported
    ? {
        id: 'Browser ini tidak mendukung penyimpanan permanen; jangan hapus data situs.',
        en: 'This browser cannot keep storage permanently; do not clear site data.',
      }
    : p.persisted
      ? { id: 'Penyimpanan permanen: diizinkan', en: 'Persistent storage: granted' }
      : {
          id: 'Penyimpanan permanen: ditolak browser. Pasang Hadir ke layar utama agar data tidak dihapus.',
          en: 'Persistent storage: refused by the browser. Install Hadir to the home screen so data is not evicted.',
        };
  return (
    <p class="door-note" data-testid="persistence" data-persisted={String(p.persisted)}>
      {pickText(text, lang)}
    </p>
  );
}

/** The volunteer on shift types their name; every scan records it. */
export function VolunteerStep(props: { device: DeviceRow; onDone?: () => void }) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [name, setName] = useState(props.device.volunteer);
  return (
    <DoorFrame title={tx({ id: 'Siapa yang bertugas?', en: 'Who is on shift?' })}>
      <p>
        {props.device.eventName} · {props.device.door}
      </p>
      <form
        class="door-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return;
          await doorEngine().setVolunteer(name);
          props.onDone?.();
        }}
      >
        <label for="volunteer-name">{tx({ id: 'Nama relawan', en: 'Volunteer name' })}</label>
        <input
          id="volunteer-name"
          autoComplete="name"
          maxLength={60}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={!name.trim()}>
          {tx({ id: 'Mulai memindai', en: 'Start scanning' })}
        </button>
      </form>
    </DoorFrame>
  );
}

/** The tablet was paired but its data is gone (browser eviction, cleared site data). */
export function EvictedStep() {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  return (
    <DoorFrame title={tx({ id: 'Data tablet hilang', en: 'This tablet lost its data' })}>
      <div class="notice problem" role="alert" data-testid="door-evicted">
        <p>
          {tx({
            id: 'Browser menghapus data Hadir di tablet ini (penyimpanan penuh atau data situs dibersihkan). Tanpa daftar peserta, pintu ini tidak memindai: tidak ada yang diterima atau ditolak secara keliru.',
            en: 'The browser removed Hadir’s data on this tablet (storage full or site data cleared). Without the roster this door does not scan: nobody is admitted or refused by mistake.',
          })}
        </p>
        <p>
          {tx({
            id: 'Untuk memulihkan: minta kode pemasangan baru ke panitia, lalu pasangkan ulang. Periksa daftar hadir di halaman panitia untuk pemindaian yang belum tersinkron.',
            en: 'To recover: ask the organizer for a new pairing code and pair again. Check the attendance on the organizer pages for scans that had not synced.',
          })}
        </p>
      </div>
      <button
        type="button"
        class="primary"
        onClick={() => {
          doorEngine().forgetPairing();
          navigate('/scan/pair');
        }}
      >
        {tx({ id: 'Pasangkan ulang', en: 'Pair again' })}
      </button>
    </DoorFrame>
  );
}
