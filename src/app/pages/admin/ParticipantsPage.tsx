import { useEffect, useState } from 'preact/hooks';
import type { Participant, ParticipantList, TicketLinks } from '../../../shared/api/schemas';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { LinkOriginWarning } from '../../components/admin/LinkOriginWarning';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog';
import { ErrorNotice, distinctFailures } from '../../components/admin/ErrorNotice';
import { ExportLinks } from '../../components/admin/ExportLinks';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { ParticipantForm } from './ParticipantForm';
import { AttendanceFilter } from './ParticipantAttendance';
import { ParticipantRows } from './ParticipantRows';
import type { ListFilter } from './participants-query';
import { PAGE_SIZE, filterSearch, listPath, pageCount, readFilter } from './participants-query';
import { TicketDialog } from './TicketDialog';
import { housekeepingText } from './housekeeping-text';
import { participantsText } from './participants-text';
import { useCan } from './me';
import { badgesPagePath } from './badge-scope';
import { withSelected } from './participant-selection';
import { SelectionBar } from './SelectionBar';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; p: Participant }
  | { kind: 'ticket'; p: Participant; links?: TicketLinks; reissued?: boolean }
  | { kind: 'cancel'; p: Participant }
  | { kind: 'reissue'; p: Participant };

/** /admin/events/:eventId/participants: search, filter, page, add, edit, cancel, tickets. */
export default function ParticipantsPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = participantsText[lang];
  const staf = useCan('staf');
  const eventId = params.eventId ?? '';
  const base = `/admin/events/${encodeURIComponent(eventId)}`;
  const { search } = useLocation();
  const filter = readFilter(search);
  const event = useEventDetail(eventId);
  const list = useApiData<ParticipantList>(listPath(eventId, filter));
  const [q, setQ] = useState(filter.q);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');
  // Ticked participants, kept while paging and filtering, for printing their badges together.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setQ(filter.q), [filter.q]);

  const waves = event.data?.waves ?? [];
  const waveName = new Map(waves.map((w) => [w.id, w.name]));
  const apply = (f: Partial<ListFilter>) =>
    navigate(`${base}/participants${filterSearch({ ...filter, page: 1, ...f })}`, {
      replace: true,
    });

  const replaceRow = (p: Participant) => {
    if (!list.data) return;
    list.setData({
      ...list.data,
      participants: list.data.participants.map((x) => (x.id === p.id ? p : x)),
    });
  };
  const open = (d: Dialog | null) => {
    setActionError(null);
    setDialog(d);
  };

  const confirmAction = async () => {
    if (!dialog || (dialog.kind !== 'cancel' && dialog.kind !== 'reissue')) return;
    const p = dialog.p;
    setBusy(true);
    setActionError(null);
    try {
      if (dialog.kind === 'cancel') {
        replaceRow(
          await adminApi<Participant>(`/api/participants/${encodeURIComponent(p.id)}/cancel`, {
            method: 'POST',
          }),
        );
        setStatus(t.cancelled(p.name));
        setDialog(null);
      } else {
        const links = await adminApi<TicketLinks>(
          `/api/participants/${encodeURIComponent(p.id)}/reissue`,
          { method: 'POST' },
        );
        replaceRow({ ...p, ticketVersion: p.ticketVersion + 1 });
        setDialog({ kind: 'ticket', p, links, reissued: true });
      }
    } catch (err) {
      setActionError(asFailure(err));
    }
    setBusy(false);
  };

  // Back with a new ticket (the old one stays revoked): shown at once to be sent again.
  const reactivate = async (p: Participant) => {
    setActionError(null);
    try {
      const back = await adminApi<{ participant: Participant; ticket: TicketLinks }>(
        `/api/participants/${encodeURIComponent(p.id)}/reactivate`,
        { method: 'POST' },
      );
      replaceRow(back.participant);
      setStatus(housekeepingText[lang].reactivated(p.name));
      setDialog({ kind: 'ticket', p: back.participant, links: back.ticket, reissued: true });
    } catch (err) {
      setActionError(asFailure(err));
    }
  };

  const data = list.data;
  const pages = pageCount(data?.total ?? 0);
  const from = data && data.total > 0 ? (filter.page - 1) * PAGE_SIZE + 1 : 0;
  const to = data ? Math.min(filter.page * PAGE_SIZE, data.total) : 0;

  return (
    <AdminLayout section="participants" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <ErrorNotice error={event.error} onRetry={event.reload} />
      {staf ? <LinkOriginWarning /> : null}
      <div class="toolbar" hidden={!staf}>
        <button type="button" onClick={() => open({ kind: 'add' })} data-testid="add-participant">
          {t.add}
        </button>
        <a class="button secondary" href={`${base}/import`}>
          {t.import}
        </a>
        <a
          class="button secondary"
          href={`${base}/sending${filter.wave ? `?wave=${encodeURIComponent(filter.wave)}` : ''}`}
          data-testid="participants-sending"
        >
          {t.sending}
        </a>
        <a
          class="button secondary"
          href={badgesPagePath(
            eventId,
            filter.wave ? { kind: 'wave', waveId: filter.wave } : { kind: 'all' },
          )}
        >
          {t.badges}
        </a>
        <ExportLinks
          path={`/api/events/${encodeURIComponent(eventId)}/tickets`}
          query={{ wave: filter.wave || undefined }}
          title={t.ticketsExport}
          testId="tickets-csv"
        />
      </div>

      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q });
        }}
      >
        <div class="field grow">
          <label for="filter-q">{t.search}</label>
          <input
            id="filter-q"
            type="search"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            maxLength={100}
            placeholder={t.searchHint}
          />
        </div>
        <div class="field">
          <label for="filter-wave">{t.wave}</label>
          <select
            id="filter-wave"
            value={filter.wave}
            onChange={(e) => apply({ wave: e.currentTarget.value })}
          >
            <option value="">{t.allWaves}</option>
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">{t.status}</label>
          <select
            id="filter-status"
            value={filter.status}
            onChange={(e) => apply({ status: e.currentTarget.value as ListFilter['status'] })}
          >
            <option value="">{t.allStatus}</option>
            <option value="active">{t.active}</option>
            <option value="cancelled">{t.cancelledStatus}</option>
          </select>
        </div>
        <AttendanceFilter filter={filter} waves={waves} apply={apply} />
        <div class="field">
          <button type="submit">{t.find}</button>
        </div>
      </form>

      {dialog ? null : <ErrorNotice error={actionError} />}
      <p role="status" class="saved">
        {status}
      </p>
      {distinctFailures(event.error, list.error)
        .filter((e) => e === list.error)
        .map((e) => (
          <ErrorNotice key={e.code} error={e} onRetry={list.reload} />
        ))}
      {data ? (
        <p class="muted" aria-live="polite" data-testid="participants-count">
          {data.total === 0 ? t.none : t.showing(from, to, data.total)}
          {list.loading ? ` · ${t.loading}` : ''}
        </p>
      ) : list.loading ? (
        <p aria-busy="true">{t.loading}</p>
      ) : null}
      {staf ? (
        <SelectionBar
          eventId={eventId}
          selected={selected}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {data && data.participants.length > 0 ? (
        <ParticipantRows
          participants={data.participants}
          waveName={waveName}
          waves={new Map(waves.map((w) => [w.id, w]))}
          attended={data.attended ?? {}}
          onEdit={(p) => open({ kind: 'edit', p })}
          onTicket={(p) => open({ kind: 'ticket', p })}
          onReissue={(p) => open({ kind: 'reissue', p })}
          onCancel={(p) => open({ kind: 'cancel', p })}
          onReactivate={(p) => void reactivate(p)}
          selection={
            staf
              ? {
                  selected,
                  onSelect: (ids, on) => setSelected((s) => withSelected(s, ids, on)),
                }
              : undefined
          }
        />
      ) : null}
      {pages > 1 ? (
        <nav class="pager" aria-label={t.pager}>
          <button
            type="button"
            class="secondary"
            disabled={filter.page <= 1}
            onClick={() => apply({ page: filter.page - 1 })}
          >
            {t.prev}
          </button>
          <span>{t.page(filter.page, pages)}</span>
          <button
            type="button"
            class="secondary"
            disabled={filter.page >= pages}
            onClick={() => apply({ page: filter.page + 1 })}
          >
            {t.next}
          </button>
        </nav>
      ) : null}

      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <ParticipantForm
          eventId={eventId}
          waves={waves}
          participant={dialog.kind === 'edit' ? dialog.p : undefined}
          defaultWaveId={filter.wave || undefined}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            if (dialog.kind === 'edit') {
              replaceRow(p);
              setStatus(t.saved(p.name));
              setDialog(null);
            } else {
              list.reload();
              event.reload();
              setStatus(t.added(p.name));
              setDialog({ kind: 'ticket', p });
            }
          }}
        />
      ) : null}
      {dialog?.kind === 'ticket' ? (
        <TicketDialog
          participant={dialog.p}
          links={dialog.links}
          reissued={dialog.reissued}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <ConfirmDialog
          title={t.cancelTitle}
          confirmLabel={t.cancelYes}
          danger
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmAction()}
          onCancel={() => setDialog(null)}
        >
          <p>{t.cancelText(dialog.p.name)}</p>
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'reissue' ? (
        <ConfirmDialog
          title={t.reissueTitle}
          confirmLabel={t.reissueYes}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmAction()}
          onCancel={() => setDialog(null)}
        >
          <p>{t.reissueText(dialog.p.name)}</p>
        </ConfirmDialog>
      ) : null}
    </AdminLayout>
  );
}
