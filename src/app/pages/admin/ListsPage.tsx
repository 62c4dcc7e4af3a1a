// /admin/events/:eventId/lists?session=&kind=: the lists the office files after the day — a
// session's Daftar Hadir or its absentees as an A4 portrait print view (letterhead and column
// headings repeated on every page, page numbers, a signature block with editable names), and the
// recap per wave. The browser prints it or saves it as PDF.
import { useState } from 'preact/hooks';
import type {
  EventRecap,
  ListSigners,
  ListSignersView,
  OfficeListRow,
  SessionLists,
} from '../../../shared/api/office-lists';
import type { ApiFailure } from '../../lib/api';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { ExportLinks } from '../../components/admin/ExportLinks';
import { phoneForOffice } from '../../../shared/roster/office-cells';
import { useLang } from '../../i18n/i18n';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { listsText, printed } from './lists-text';
import { formatWibClock, formatWibRange } from './wib-time';

type Kind = 'hadir' | 'absen';

type Signers = ListSigners;
type SaveState = 'idle' | 'saving' | 'saved';

const DEFAULT_SIGNERS: Signers = {
  agency: printed.defaultAgency,
  leftTitle: printed.defaultLeft,
  leftName: '',
  rightTitle: printed.defaultRight,
  rightName: '',
};

/**
 * The letterhead and signers an office types once, kept on the server for the event's whole team
 * (GET/PUT list-signers). The print view follows every keystroke; a field is saved when the
 * person leaves it.
 */
function useSigners(base: string) {
  const stored = useApiData<ListSignersView>(`${base}/list-signers`);
  const [draft, setDraft] = useState<Signers | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<ApiFailure | null>(null);
  const signers = draft ?? stored.data?.signers ?? DEFAULT_SIGNERS;
  const save = async () => {
    if (!draft) return;
    setState('saving');
    try {
      const view = await adminApi<ListSignersView>(`${base}/list-signers`, {
        method: 'PUT',
        body: draft,
      });
      stored.setData(view);
      setError(null);
      setState('saved');
    } catch (err) {
      setError(asFailure(err));
      setState('idle');
    }
  };
  const set = (next: Signers) => {
    setDraft(next);
    setState('idle');
  };
  return { signers, set, save, state, error: error ?? stored.error };
}

export default function ListsPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = listsText[lang];
  const eventId = params.eventId ?? '';
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useEventDetail(eventId);
  const { search } = useLocation();
  const sessions = (event.data?.waves ?? []).flatMap((w) =>
    w.sessions.map((s) => ({ id: s.id, label: `${w.name} · ${s.name}` })),
  );
  const sessionId = search.get('session') ?? sessions[0]?.id ?? null;
  const kind: Kind = search.get('kind') === 'absen' ? 'absen' : 'hadir';
  const nik = search.get('nik') === 'masked' ? 'masked' : 'full';
  const lists = useApiData<SessionLists>(
    sessionId ? `${base}/sessions/${encodeURIComponent(sessionId)}/lists?nik=${nik}` : null,
  );
  const recap = useApiData<EventRecap>(`${base}/recap`);
  const { signers, set: setSigners, save: saveSigners, ...signersSave } = useSigners(base);
  const go = (change: Record<string, string>) => {
    const next = new URLSearchParams({
      ...(sessionId ? { session: sessionId } : {}),
      kind,
      nik,
      ...change,
    });
    navigate(`/admin/events/${encodeURIComponent(eventId)}/lists?${next.toString()}`, {
      replace: true,
    });
  };
  const field = (name: keyof Signers, label: string) => (
    <div class="field">
      <label for={`sign-${name}`}>{label}</label>
      <input
        id={`sign-${name}`}
        value={signers[name]}
        onInput={(e) => setSigners({ ...signers, [name]: e.currentTarget.value })}
        onChange={() => void saveSigners()}
      />
    </div>
  );

  return (
    <AdminLayout section="lists" eventId={eventId} eventName={event.data?.name}>
      <div class="no-print">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <ErrorNotice error={event.error ?? lists.error ?? recap.error} />
        {event.data && sessions.length === 0 && <p class="notice">{t.noSessions}</p>}
        <div class="filters">
          <div class="field grow">
            <label for="list-session">{t.session}</label>
            <select
              id="list-session"
              value={sessionId ?? ''}
              onChange={(e) => go({ session: e.currentTarget.value })}
            >
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="list-kind">{t.kind}</label>
            <select
              id="list-kind"
              value={kind}
              onChange={(e) => go({ kind: e.currentTarget.value })}
            >
              <option value="hadir">{t.present}</option>
              <option value="absen">{t.absent}</option>
            </select>
          </div>
          <div class="field">
            <label for="list-nik">{t.nik}</label>
            <select id="list-nik" value={nik} onChange={(e) => go({ nik: e.currentTarget.value })}>
              <option value="full">{t.nikFull}</option>
              <option value="masked">{t.nikMasked}</option>
            </select>
          </div>
        </div>
        <details>
          <summary>
            {t.agency}, {t.signLeft.split(' — ')[0]}, {t.signRight.split(' — ')[0]}
          </summary>
          <div class="filters">
            {field('agency', t.agency)}
            {field('leftTitle', t.signLeft)}
            {field('leftName', t.signLeftName)}
            {field('rightTitle', t.signRight)}
            {field('rightName', t.signRightName)}
          </div>
          <p class="hint" role="status" data-testid="signers-status">
            {signersSave.state === 'saving'
              ? t.signersSaving
              : signersSave.state === 'saved'
                ? t.signersSaved
                : t.signersShared}
          </p>
          <ErrorNotice error={signersSave.error} />
        </details>
        <p>
          <button
            type="button"
            onClick={() => window.print()}
            disabled={!lists.data}
            data-testid="print-list"
          >
            {t.print}
          </button>
        </p>
        {sessionId && (
          <ExportLinks
            path={`${base}/sessions/${encodeURIComponent(sessionId)}/lists`}
            query={{ kind, nik }}
            title={kind === 'hadir' ? t.present : t.absent}
            testId="list-export"
          />
        )}
        {lists.loading && !lists.data && <p aria-busy="true">{t.loading}</p>}
      </div>
      {lists.data && (
        <PrintedList
          lists={lists.data}
          kind={kind}
          signers={signers}
          rows={kind === 'hadir' ? lists.data.present : lists.data.absent}
        />
      )}
      {recap.data && (
        <section class="no-print" data-testid="recap">
          <h2>{t.recap}</h2>
          <ExportLinks path={`${base}/recap`} title={t.recap} testId="recap-export" />
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  {printed.recapColumns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                  <th scope="col">{t.session}</th>
                </tr>
              </thead>
              <tbody>
                {recap.data.waves.map((w) => (
                  <tr key={w.waveId} data-wave={w.waveId}>
                    <td>
                      {w.waveName}
                      <div class="muted">{w.venue}</div>
                    </td>
                    <td>{w.registered}</td>
                    <td>{w.attendedAny}</td>
                    <td>{w.eligible}</td>
                    <td>{w.certificates}</td>
                    <td>
                      {w.walkIns} ({w.walkInsConfirmed})
                    </td>
                    <td>
                      {w.sessions.map((s) => (
                        <div key={s.sessionId}>
                          {s.name}: {s.attended}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </AdminLayout>
  );
}

/** The printed document: letterhead and headings in the repeated table head, then the rows. */
function PrintedList(props: {
  lists: SessionLists;
  kind: Kind;
  signers: Signers;
  rows: OfficeListRow[];
}) {
  const { lists, signers } = props;
  const present = props.kind === 'hadir';
  const columns = present ? printed.columns : printed.columns.slice(0, 5);
  return (
    <article class="office-list" data-testid="office-list" data-rows={props.rows.length}>
      <table class="office-table">
        <thead>
          <tr>
            <th colSpan={columns.length} class="office-letterhead">
              <div class="office-agency">{signers.agency}</div>
              <div class="office-title">{present ? printed.present : printed.absent}</div>
              <div>{lists.eventName}</div>
              <div class="office-meta">
                {printed.session}: {lists.wave.name} — {lists.session.name} · {printed.venue}:{' '}
                {lists.wave.venue}
                {lists.wave.address ? `, ${lists.wave.address}` : ''}
              </div>
              <div class="office-meta">
                {printed.date}: {formatWibRange(lists.session.startsAt, lists.session.endsAt, 'id')}
              </div>
            </th>
          </tr>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={r.participantId ?? `${r.name}-${i}`}>
              <td class="num">{i + 1}</td>
              <td>
                {r.name}
                {r.walkIn && <span class="office-note"> ({printed.walkIn})</span>}
              </td>
              <td>{r.business}</td>
              <td class="nowrap">{r.nik}</td>
              <td class="nowrap">{phoneForOffice(r.phone)}</td>
              {present && <td class="nowrap">{r.at ? formatWibClock(r.at, 'id') : ''}</td>}
              {present && <td>{r.door}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="office-signatures">
        <div>
          <div>{printed.acknowledged}</div>
          <div>{signers.leftTitle}</div>
          <div class="office-sign-space" />
          <div class="office-sign-name">{signers.leftName || '(……………………………)'}</div>
        </div>
        <div>
          <div>{printed.inCharge}</div>
          <div>{signers.rightTitle}</div>
          <div class="office-sign-space" />
          <div class="office-sign-name">{signers.rightName || '(……………………………)'}</div>
        </div>
      </div>
    </article>
  );
}
