import type { SendKind, SendingQueue, SendingRow } from '../../../shared/api/sending';
import { phoneText } from '../../../shared/roster/phone';
import { useLang } from '../../i18n/i18n';
import type { SendFilter } from './sending-queue';
import { countsOf, rowsIn, sentLine, stateText } from './sending-queue';
import { sendingText } from './sending-text';

const FILTERS: SendFilter[] = ['all', 'unsent', 'sent', 'stale'];
const KINDS: SendKind[] = ['tiket', 'sertifikat'];

/** Tiket / Sertifikat: which queue of the wave the page shows. */
export function SendKindSwitch(props: {
  kind: SendKind;
  disabled: boolean;
  onKind: (k: SendKind) => void;
}) {
  const t = sendingText(useLang());
  return (
    <div class="sending-tabs" role="group" aria-label={t.kinds}>
      {KINDS.map((k) => (
        <button
          type="button"
          key={k}
          class={k === props.kind ? '' : 'secondary'}
          aria-pressed={k === props.kind}
          onClick={() => props.onKind(k)}
          disabled={props.disabled}
          data-testid={`sending-kind-${k}`}
        >
          {t.kind[k]}
        </button>
      ))}
    </div>
  );
}

/** The wave's participants with who sent their ticket and when, filtered; and those apart. */
export function SendingRows(props: {
  queue: SendingQueue;
  filter: SendFilter;
  onFilter: (f: SendFilter) => void;
  onUndo: (row: SendingRow, version: number) => void;
}) {
  const lang = useLang();
  const { kind } = props.queue;
  const t = sendingText(lang, kind);
  const counts = countsOf(props.queue.rows);
  const shown = rowsIn(props.queue.rows, props.filter);
  const { noPhone } = props.queue;
  return (
    <>
      <div class="sending-tabs" role="group" aria-label={t.filters}>
        {FILTERS.map((f) => (
          <button
            type="button"
            key={f}
            class={f === props.filter ? '' : 'secondary'}
            aria-pressed={f === props.filter}
            onClick={() => props.onFilter(f)}
            data-testid={`sending-filter-${f}`}
          >
            {t.filter[f]} ({f === 'all' ? counts.total : counts[f]})
          </button>
        ))}
      </div>
      {shown.length === 0 ? <p>{t.none}</p> : null}
      {shown.length > 0 ? (
        <table class="sending-rows" data-testid="sending-rows">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.phone}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">
                <span class="visually-hidden">{t.undo}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.participantId} data-participant-id={r.participantId} data-state={r.state}>
                <td>
                  {r.name}
                  {r.number ? <small class="muted"> · {r.number}</small> : null}
                </td>
                <td>{phoneText(r.phone)}</td>
                <td>
                  <strong class={`send-state send-${r.state}`}>
                    {stateText(r.state, lang, kind)}
                  </strong>
                  {r.lastSent ? (
                    <span class="muted" data-testid="sent-line">
                      {' — '}
                      {r.state === 'sent'
                        ? sentLine(r.lastSent, lang)
                        : t.olderSent(sentLine(r.lastSent, lang))}
                    </span>
                  ) : null}
                </td>
                <td>
                  {r.state === 'sent' && r.lastSent ? (
                    <button
                      type="button"
                      class="secondary small"
                      aria-label={t.undoLabel(r.name)}
                      onClick={() => props.onUndo(r, r.lastSent!.version)}
                    >
                      {t.undo}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {noPhone.length > 0 ? (
        <section class="card" data-testid="sending-no-phone">
          <h2>{t.noPhoneTitle(noPhone.length)}</h2>
          <p>{t.noPhoneIntro}</p>
          <ul>
            {noPhone.map((p) => (
              <li key={p.participantId}>
                {p.name} — {p.phone || '—'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
