import './devices.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceInfo, DeviceList, PairingOffer } from '../../../shared/api/door';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog';
import { ErrorNotice, distinctFailures } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { deviceFormState, localDeadline, newlyPaired } from './devices-forms';
import { devicesText } from './devices-text';
import { DeviceForm, PairingPanel } from './DevicesPairing';
import { DevicesTable } from './DevicesTable';
import { useCan } from './me';

/** How often the list is re-read while a code is on screen, to see the tablet arrive. */
const POLL_MS = 4000;
/** How often the list is read again for the tablets' last-seen and reports. */
const GLANCE_REFRESH_MS = 30_000;

type Pairing = { offer: PairingOffer; knownIds: Set<string>; deadline: number };

/** The current time, ticking every second while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  // Right after activation the state may be old; never show more time than there is.
  return active ? Math.max(now, Date.now()) : now;
}

/** /admin/events/:eventId/devices: the event's door tablets, pairing new ones, revoking. */
export default function DevicesPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = devicesText[lang];
  const staf = useCan('staf');
  const eventId = params.eventId ?? '';
  const event = useEventDetail(eventId);
  const list = useApiData<DeviceList>(`/api/events/${encodeURIComponent(eventId)}/devices`);
  const [adding, setAdding] = useState(false);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [revoking, setRevoking] = useState<DeviceInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const waves = event.data?.waves ?? [];
  const devices = list.data?.devices ?? [];
  const paired = pairing ? newlyPaired(devices, pairing.knownIds, pairing.offer.name) : undefined;
  const waiting = pairing !== null && !paired;
  const now = useNow(waiting);
  const live = waiting && pairing.deadline > now;

  const { reload } = list;
  useEffect(() => {
    if (!live) return;
    const id = setInterval(reload, POLL_MS);
    return () => clearInterval(id);
  }, [live, reload]);
  // The tablets' reports move on by themselves: look again now and then.
  useEffect(() => {
    const id = setInterval(reload, GLANCE_REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);
  // One last look when the code runs out: the tablet may have paired since the last poll.
  const expired = waiting && !live;
  useEffect(() => {
    if (expired) reload();
  }, [expired, reload]);

  const showOffer = (offer: PairingOffer) => {
    setStatus('');
    setAdding(false);
    setPairing({
      offer,
      knownIds: new Set(devices.map((d) => d.id)),
      deadline: localDeadline(offer, Date.now()),
    });
  };
  const closePairing = () => {
    setPairing(null);
    list.reload();
    // The panel held focus; give it back to where the organizer started.
    setTimeout(() => addButton.current?.focus(), 0);
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      const next = await adminApi<DeviceInfo>(
        `/api/devices/${encodeURIComponent(revoking.id)}/revoke`,
        { method: 'POST' },
      );
      if (list.data) {
        list.setData({ devices: list.data.devices.map((d) => (d.id === next.id ? next : d)) });
      }
      setStatus(t.revokedMsg(next.name));
      setRevoking(null);
    } catch (err) {
      setRevokeError(asFailure(err));
    }
    setBusy(false);
  };

  return (
    <AdminLayout section="devices" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      {event.data && waves.length === 0 ? (
        <p class="notice">
          {t.noWaves} <a href={`/admin/events/${encodeURIComponent(eventId)}`}>{event.data.name}</a>
        </p>
      ) : null}

      {pairing ? (
        <PairingPanel
          eventId={eventId}
          offer={pairing.offer}
          deadline={pairing.deadline}
          now={now}
          paired={paired}
          onOffer={showOffer}
          onAnother={() => {
            setPairing(null);
            setAdding(true);
          }}
          onClose={closePairing}
        />
      ) : adding && event.data ? (
        <section class="card" aria-labelledby="device-form-title">
          <h2 id="device-form-title">{t.formTitle}</h2>
          <DeviceForm
            eventId={eventId}
            waves={waves}
            initial={deviceFormState(waves)}
            onCreated={showOffer}
            onCancel={() => {
              setAdding(false);
              setTimeout(() => addButton.current?.focus(), 0);
            }}
          />
        </section>
      ) : (
        <div class="toolbar">
          <button
            type="button"
            ref={addButton}
            onClick={() => setAdding(true)}
            disabled={!event.data || waves.length === 0}
            hidden={!staf}
            data-testid="add-device"
          >
            {t.add}
          </button>
        </div>
      )}

      <h2>{t.list}</h2>
      <p role="status" class="saved">
        {status}
      </p>
      {distinctFailures(event.error, list.error)
        .filter((e) => e === list.error)
        .map((e) => (
          <ErrorNotice key={e.code} error={e} onRetry={list.reload} />
        ))}
      {list.data ? (
        devices.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <DevicesTable
            devices={devices}
            waves={waves}
            onRevoke={(d) => {
              setRevokeError(null);
              setRevoking(d);
            }}
          />
        )
      ) : list.loading ? (
        <p aria-busy="true">{t.loading}</p>
      ) : null}

      {revoking ? (
        <ConfirmDialog
          title={t.revokeTitle}
          confirmLabel={t.revokeYes}
          danger
          busy={busy}
          error={revokeError}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(null)}
        >
          <p>{t.revokeText(revoking.name, revoking.door)}</p>
        </ConfirmDialog>
      ) : null}
    </AdminLayout>
  );
}
