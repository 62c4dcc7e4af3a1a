// The event page's "Arsip dan hapus" card: archive or un-archive the event, and delete it after
// typing its name (the server checks the name too, and refuses while tablets hold unsent scans).
import { useState } from 'preact/hooks';
import type { EventDetail } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TypedConfirm } from '../../components/admin/TypedConfirm';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate } from '../../router';
import { adminApi, asFailure } from './admin-api';
import { housekeepingText } from './housekeeping-text';

/** Archive / un-archive / delete; `onChanged` receives the event after an archive change. */
export function EventHousekeeping(props: {
  event: EventDetail;
  onChanged: (e: EventDetail) => void;
}) {
  const lang = useLang();
  const t = housekeepingText[lang];
  const { event } = props;
  const base = `/api/events/${encodeURIComponent(event.id)}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const archived = Boolean(event.archivedAt);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="housekeeping-title" data-testid="event-housekeeping">
      <h2 id="housekeeping-title">{t.housekeeping}</h2>
      <p class="muted">{t.archiveHint}</p>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        data-testid={archived ? 'event-unarchive' : 'event-archive'}
        onClick={() =>
          void run(async () =>
            props.onChanged(
              await adminApi<EventDetail>(`${base}/${archived ? 'unarchive' : 'archive'}`, {
                method: 'POST',
              }),
            ),
          )
        }
      >
        {archived ? t.unarchive : t.archive}
      </button>

      <h3>{t.deleteTitle}</h3>
      <p>{t.deleteHint(event.name)}</p>
      <TypedConfirm
        id="delete-confirm"
        name={event.name}
        label={t.deleteLabel}
        button={t.deleteButton}
        busyLabel={t.deleting}
        busy={busy}
        fieldTestId="delete-confirm"
        buttonTestId="event-delete"
        onConfirm={(typed) =>
          void run(async () => {
            await adminApi<null>(base, { method: 'DELETE', body: { confirmName: typed } });
            navigate('/admin');
          })
        }
      />
      <ErrorNotice error={error} />
    </section>
  );
}
