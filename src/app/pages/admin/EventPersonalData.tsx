// The event page's "Data pribadi" card (admins): the retention day (suggested 90 days after the
// last wave), what erasure removes and keeps, and erasing now after typing the event's name.
import { useEffect, useState } from 'preact/hooks';
import type { EraseAnswer, RetentionInfo } from '../../../shared/api/retention';
import type { EventDetail } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { TextField } from '../../components/admin/TextField';
import { TypedConfirm } from '../../components/admin/TypedConfirm';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData } from './admin-api';
import { personalDataText } from './personal-data-text';
import { formatWib, formatWibDate } from './wib-time';

/** A YYYY-MM-DD day as the page writes dates. */
const dayText = (day: string, lang: 'id' | 'en') => formatWibDate(`${day}T00:00:00+07:00`, lang);

export function EventPersonalData(props: { event: EventDetail }) {
  const lang = useLang();
  const t = personalDataText[lang];
  const base = `/api/events/${encodeURIComponent(props.event.id)}/retention`;
  const info = useApiData<RetentionInfo>(base);
  const r = info.data;
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  useEffect(() => {
    if (r) setDay(r.retainUntil ?? r.suggested ?? '');
  }, [r]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setNote(await work());
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };
  const saveDay = (value: string | null) =>
    void run(async () => {
      info.setData(
        await adminApi<RetentionInfo>(base, { method: 'PUT', body: { retainUntil: value } }),
      );
      return t.saved;
    });

  return (
    <section class="card" aria-labelledby="personal-data-title" data-testid="personal-data">
      <h2 id="personal-data-title">{t.title}</h2>
      <ErrorNotice error={info.error} />
      {r && (
        <>
          <p data-testid="retention-status">
            {r.retainUntil ? t.erasesOn(dayText(r.retainUntil, lang)) : t.noDay}
            {!r.retainUntil && r.suggested ? ` ${t.suggested(dayText(r.suggested, lang))}` : ''}
          </p>
          {r.erasedAt && (
            <p class="notice" role="status" data-testid="retention-erased">
              {t.erasedBy(formatWib(r.erasedAt, lang), r.erasedBy)}
            </p>
          )}
          <form
            class="admin-form narrow"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              saveDay(day);
            }}
          >
            <TextField
              id="retention-day"
              type="date"
              label={t.dayLabel}
              hint={t.dayHint}
              value={day}
              onValue={setDay}
              required
              testId="retention-day"
            />
            <div class="form-actions">
              <button type="submit" disabled={busy || !day} data-testid="retention-save">
                {t.save}
              </button>
              {r.retainUntil && (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  onClick={() => saveDay(null)}
                >
                  {t.clear}
                </button>
              )}
            </div>
          </form>
          <h3>{t.erasedTitle}</h3>
          <ul>
            {t.erased.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3>{t.keptTitle}</h3>
          <ul>
            {t.kept.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p class="muted">{t.tablets}</p>
          <h3>{t.eraseTitle}</h3>
          <p>{t.eraseHint(props.event.name)}</p>
          <TypedConfirm
            id="erase-confirm"
            name={props.event.name}
            label={t.eraseLabel}
            button={t.eraseButton}
            busyLabel={t.erasing}
            busy={busy}
            fieldTestId="erase-confirm"
            buttonTestId="erase-personal-data"
            onConfirm={(typed) =>
              void run(async () => {
                const answer = await adminApi<EraseAnswer>(`${base}/erase`, {
                  method: 'POST',
                  body: { confirmName: typed },
                });
                info.setData(answer.retention);
                return t.erasedNow(answer.erased);
              })
            }
          />
        </>
      )}
      {note && (
        <p role="status" class="saved" data-testid="personal-data-note">
          {note}
        </p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
