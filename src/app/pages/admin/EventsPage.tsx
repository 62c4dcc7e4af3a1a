import { useState } from 'preact/hooks';
import type { EventDetail, EventSummary } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate } from '../../router';
import { adminApi, asFailure, invalidFields, useApiData } from './admin-api';
import { housekeepingText } from './housekeeping-text';
import { formatWibDate } from './wib-time';
import { useCan } from './me';

const text = {
  id: {
    title: 'Acara',
    loading: 'Memuat daftar acara…',
    none: 'Belum ada acara. Buat acara baru atau muat acara contoh.',
    participants: (n: number) => `${n.toLocaleString('id-ID')} peserta`,
    created: 'dibuat',
    demoTitle: 'Coba dengan data contoh',
    demoText:
      'Acara contoh Pelatihan UMKM Tangsel: gelombang 1 (Aula Blandongan, 382 peserta) dan gelombang 2 (Balaikota, 400 peserta).',
    demo: 'Muat acara contoh',
    demoBusy: 'Memuat acara contoh… (782 peserta, beberapa detik)',
    newTitle: 'Buat acara baru',
    name: 'Nama acara',
    nameHint: 'Misalnya: Pelatihan dan Sertifikasi UMKM 2026',
    create: 'Buat acara',
    creating: 'Membuat…',
    needName: 'Isi nama acara.',
  },
  en: {
    title: 'Events',
    loading: 'Loading the events…',
    none: 'No events yet. Create a new event or load the demo event.',
    participants: (n: number) => `${n.toLocaleString('en-GB')} participants`,
    created: 'created',
    demoTitle: 'Try it with demo data',
    demoText:
      'The Tangsel UMKM training demo: wave 1 (Aula Blandongan, 382 participants) and wave 2 (Balaikota, 400 participants).',
    demo: 'Load demo event',
    demoBusy: 'Loading the demo event… (782 participants, a few seconds)',
    newTitle: 'Create a new event',
    name: 'Event name',
    nameHint: 'E.g. Pelatihan dan Sertifikasi UMKM 2026',
    create: 'Create event',
    creating: 'Creating…',
    needName: 'Enter the event name.',
  },
};

/** /admin: the organizer's events, a new-event form and the one-click demo programme. */
export default function EventsPage(_: { params: Record<string, string> }) {
  const lang = useLang();
  const t = text[lang];
  const admin = useCan('admin');
  const h = housekeepingText[lang];
  const [showArchived, setShowArchived] = useState(false);
  const events = useApiData<{ events: EventSummary[] }>(
    showArchived ? '/api/events?archived=1' : '/api/events',
  );
  const [copyName, setCopyName] = useState('');
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [noName, setNoName] = useState(false);
  const [createError, setCreateError] = useState<ApiFailure | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<ApiFailure | null>(null);

  const open = (event: EventDetail) => navigate(`/admin/events/${encodeURIComponent(event.id)}`);

  const create = async (e: Event) => {
    e.preventDefault();
    setCreateError(null);
    setNoName(!name.trim());
    if (!name.trim()) {
      document.getElementById('event-name')?.focus();
      return;
    }
    setCreating(true);
    try {
      open(await adminApi<EventDetail>('/api/events', { body: { name: name.trim() } }));
    } catch (err) {
      setCreateError(asFailure(err));
      setCreating(false);
    }
  };

  // The demo loads once; after a "demo-exists" answer a second copy can be asked for by name.
  const loadDemo = async (name?: string) => {
    setDemoBusy(true);
    setDemoError(null);
    try {
      open(
        await adminApi<EventDetail>('/api/demo', name ? { body: { name } } : { method: 'POST' }),
      );
    } catch (err) {
      setDemoError(asFailure(err));
      setDemoBusy(false);
    }
  };

  const list = events.data?.events ?? [];
  return (
    <AdminLayout section="events">
      <h1>{t.title}</h1>
      <ErrorNotice error={events.error} onRetry={events.reload} />
      {events.loading && !events.data ? <p aria-busy="true">{t.loading}</p> : null}
      <label class="inline">
        <input
          type="checkbox"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
          data-testid="show-archived"
        />{' '}
        {h.showArchived}
      </label>
      {events.data && list.length === 0 ? <p>{t.none}</p> : null}
      {list.length > 0 ? (
        <ul class="event-list" data-testid="events-list">
          {list.map((ev) => (
            <li key={ev.id}>
              <a href={`/admin/events/${encodeURIComponent(ev.id)}`} data-testid="event-link">
                {ev.name}
              </a>
              {ev.archivedAt ? <span class="tag"> {h.archivedTag}</span> : null}
              <span class="muted">
                {' · '}
                {t.participants(ev.participantCount)} · {t.created}{' '}
                {formatWibDate(ev.createdAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      <section class="card demo-card" aria-labelledby="demo-title" hidden={!admin}>
        <h2 id="demo-title">{t.demoTitle}</h2>
        <p>{t.demoText}</p>
        <button
          type="button"
          class="big"
          onClick={() => void loadDemo()}
          disabled={demoBusy}
          aria-busy={demoBusy}
          data-testid="load-demo"
        >
          {demoBusy ? t.demoBusy : t.demo}
        </button>
        {demoBusy ? (
          <progress class="busy-progress" aria-label={t.demoBusy} data-testid="demo-progress" />
        ) : null}
        <ErrorNotice error={demoError} />
        {demoError?.code === 'demo-exists' ? (
          <form
            class="admin-form narrow"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (copyName.trim()) void loadDemo(copyName.trim());
            }}
          >
            <TextField
              id="demo-copy-name"
              label={h.demoCopyName}
              value={copyName}
              onValue={setCopyName}
              maxLength={200}
            />
            <button type="submit" class="secondary" disabled={demoBusy || !copyName.trim()}>
              {h.demoCopy}
            </button>
          </form>
        ) : null}
      </section>

      <section class="card" aria-labelledby="new-event-title" hidden={!admin}>
        <h2 id="new-event-title">{t.newTitle}</h2>
        <form onSubmit={(e) => void create(e)} class="admin-form narrow" noValidate>
          <TextField
            id="event-name"
            label={t.name}
            value={name}
            onValue={setName}
            required
            hint={t.nameHint}
            maxLength={200}
            invalid={noName ? t.needName : invalidFields(createError).has('name')}
          />
          <ErrorNotice error={createError} />
          <div class="form-actions">
            <button type="submit" disabled={creating} aria-busy={creating}>
              {creating ? t.creating : t.create}
            </button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}
