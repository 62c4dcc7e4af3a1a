import { useEffect, useState } from 'preact/hooks';
import type { EventDetail, WaveBody, WaveInfo } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, invalidFields, useEventDetail } from './admin-api';
import { waveFormState } from './event-forms';
import { EventHousekeeping } from './EventHousekeeping';
import { EventLogo } from './EventLogo';
import { EventPersonalData } from './EventPersonalData';
import { housekeepingText } from './housekeeping-text';
import { SessionList } from './SessionList';
import { WaveForm } from './WaveForm';
import { formatWibRange } from './wib-time';
import { useCan } from './me';

const text = {
  id: {
    loading: 'Memuat acara…',
    nameTitle: 'Ubah nama acara',
    event: 'Acara',
    needName: 'Isi nama acara.',
    name: 'Nama acara',
    saveName: 'Simpan nama',
    saving: 'Menyimpan…',
    saved: 'Tersimpan.',
    waves: 'Gelombang',
    noWaves: 'Belum ada gelombang. Tambahkan gelombang pertama: tempat dan waktunya.',
    participants: (n: number) => `${n.toLocaleString('id-ID')} peserta`,
    map: 'Buka peta',
    edit: 'Ubah gelombang',
    save: 'Simpan gelombang',
    addWave: 'Tambah gelombang',
    newWave: 'Gelombang baru',
    manage: 'Kelola peserta',
    sending: 'Kirim tiket & sertifikat',
  },
  en: {
    loading: 'Loading the event…',
    nameTitle: 'Rename the event',
    event: 'Event',
    needName: 'Enter the event name.',
    name: 'Event name',
    saveName: 'Save name',
    saving: 'Saving…',
    saved: 'Saved.',
    waves: 'Waves',
    noWaves: 'No waves yet. Add the first wave: its venue and times.',
    participants: (n: number) => `${n.toLocaleString('en-GB')} participants`,
    map: 'Open map',
    edit: 'Edit wave',
    save: 'Save wave',
    addWave: 'Add wave',
    newWave: 'New wave',
    manage: 'Manage participants',
    sending: 'Send tickets & certificates',
  },
};

function WaveCard(props: { wave: WaveInfo; eventId: string; onChanged: () => void }) {
  const lang = useLang();
  const t = text[lang];
  const admin = useCan('admin');
  const { wave } = props;
  const [editing, setEditing] = useState(false);

  const save = async (body: WaveBody) => {
    await adminApi(`/api/waves/${encodeURIComponent(wave.id)}`, { method: 'PATCH', body });
    setEditing(false);
    props.onChanged();
  };

  return (
    <section class="card wave-card" aria-labelledby={`wave-${wave.id}`} data-wave-id={wave.id}>
      <h3 id={`wave-${wave.id}`}>{wave.name}</h3>
      {editing ? (
        <WaveForm
          idPrefix={`wave-${wave.id}`}
          initial={waveFormState(wave)}
          submitLabel={t.save}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p class="wave-facts">
            <strong>{wave.venue}</strong>
            {wave.address ? (
              <>
                <br />
                {wave.address}
              </>
            ) : null}
            <br />
            {formatWibRange(wave.startsAt, wave.endsAt, lang)}
            <br />
            <a
              href={`/admin/events/${encodeURIComponent(props.eventId)}/participants?wave=${encodeURIComponent(wave.id)}`}
            >
              {t.participants(wave.participantCount)}
            </a>
            {wave.mapUrl ? (
              <>
                {' · '}
                <a href={wave.mapUrl} target="_blank" rel="noopener noreferrer">
                  {t.map}
                </a>
              </>
            ) : null}
          </p>
          <button type="button" class="secondary" onClick={() => setEditing(true)} hidden={!admin}>
            {t.edit}
          </button>
        </>
      )}
      <SessionList wave={wave} onChanged={props.onChanged} />
    </section>
  );
}

function EventNameForm(props: { event: EventDetail; onSaved: (e: EventDetail) => void }) {
  const t = text[useLang()];
  const [name, setName] = useState(props.event.name);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [noName, setNoName] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  useEffect(() => setName(props.event.name), [props.event.name]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    setNoName(!name.trim());
    if (!name.trim()) {
      document.getElementById('event-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await adminApi<EventDetail>(
        `/api/events/${encodeURIComponent(props.event.id)}`,
        {
          method: 'PATCH',
          body: { name: name.trim() },
        },
      );
      props.onSaved(next);
      setSaved(true);
    } catch (err) {
      setError(asFailure(err));
    }
    setBusy(false);
  };

  return (
    <form class="admin-form inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="event-name"
        label={t.name}
        value={name}
        onValue={(v) => (setName(v), setSaved(false))}
        required
        maxLength={200}
        invalid={noName ? t.needName : invalidFields(error).has('name')}
      />
      <div class="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t.saving : t.saveName}
        </button>
        <span role="status" class="saved">
          {saved ? t.saved : ''}
        </span>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}

/** /admin/events/:eventId: the event's name, its waves and their sessions. */
export default function EventPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const admin = useCan('admin');
  const staf = useCan('staf');
  const eventId = params.eventId ?? '';
  const event = useEventDetail(eventId);
  const [adding, setAdding] = useState(false);
  const ev = event.data;

  const addWave = async (body: WaveBody) => {
    await adminApi(`/api/events/${encodeURIComponent(eventId)}/waves`, { body });
    setAdding(false);
    event.reload();
  };

  return (
    <AdminLayout section="event" eventId={eventId} eventName={ev?.name}>
      <h1>{ev?.name ?? (event.error ? t.event : t.loading)}</h1>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      {ev?.archivedAt ? (
        <p class="notice" role="status" data-testid="archived-banner">
          {housekeepingText[lang].archivedBanner}
        </p>
      ) : null}
      {ev ? (
        <>
          <section class="card" aria-labelledby="name-title" hidden={!admin}>
            <h2 id="name-title">{t.nameTitle}</h2>
            <EventNameForm event={ev} onSaved={event.setData} />
          </section>
          {admin ? <EventLogo event={ev} onChanged={event.reload} /> : null}
          <div class="section-head">
            <h2>{t.waves}</h2>
            <a
              class="button secondary"
              href={`/admin/events/${encodeURIComponent(eventId)}/participants`}
            >
              {t.manage}
            </a>
            {staf ? (
              <a
                class="button secondary"
                href={`/admin/events/${encodeURIComponent(eventId)}/sending`}
                data-testid="event-sending"
              >
                {t.sending}
              </a>
            ) : null}
          </div>
          {ev.waves.length === 0 ? <p>{t.noWaves}</p> : null}
          {ev.waves.map((w) => (
            <WaveCard key={w.id} wave={w} eventId={eventId} onChanged={event.reload} />
          ))}
          {adding ? (
            <section class="card" aria-labelledby="new-wave-title">
              <h3 id="new-wave-title">{t.newWave}</h3>
              <WaveForm
                idPrefix="new-wave"
                initial={waveFormState()}
                submitLabel={t.addWave}
                onSave={addWave}
                onCancel={() => setAdding(false)}
              />
            </section>
          ) : (
            <button
              type="button"
              onClick={() => setAdding(true)}
              data-testid="add-wave"
              hidden={!admin}
            >
              {t.addWave}
            </button>
          )}
          {admin && <EventPersonalData event={ev} />}
          {admin && <EventHousekeeping event={ev} onChanged={event.setData} />}
        </>
      ) : null}
    </AdminLayout>
  );
}
