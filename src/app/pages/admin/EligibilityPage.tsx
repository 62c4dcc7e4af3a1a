// /admin/events/:eventId/eligibility?wave=: who earned the certificate in each wave, by the
// wave's rule (set here by an admin), with the reason in words for everyone who did not, and an
// admin's decision either way with a written reason (kept in the activity log).
import { useEffect, useState } from 'preact/hooks';
import type {
  EligibilityReport,
  EligibilityRow,
  WaveEligibility,
} from '../../../shared/api/eligibility';
import type { EligibilityRule } from '../../../shared/certificates/eligibility';
import {
  reasonWords,
  ruleProblemWords,
  ruleWords,
} from '../../../shared/certificates/eligibility-words';
import { AdminLayout } from '../../components/admin/AdminLayout';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { ReasonDialog } from '../../components/admin/ReasonDialog';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { navigate, useLocation } from '../../router';
import { adminApi, asFailure, useApiData, useEventDetail } from './admin-api';
import { eligibilityText } from './eligibility-text';
import { useCan } from './me';

type Filter = 'all' | 'yes' | 'no';

export default function EligibilityPage({ params }: { params: Record<string, string> }) {
  const lang = useLang();
  const t = eligibilityText[lang];
  const eventId = params.eventId ?? '';
  const event = useEventDetail(eventId);
  const report = useApiData<EligibilityReport>(
    `/api/events/${encodeURIComponent(eventId)}/eligibility`,
  );
  const { search } = useLocation();
  const waves = report.data?.waves ?? [];
  const wave = waves.find((w) => w.waveId === search.get('wave')) ?? waves[0];
  const admin = useCan('admin');

  return (
    <AdminLayout section="eligibility" eventId={eventId} eventName={event.data?.name}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a
          href={`/admin/events/${encodeURIComponent(eventId)}/certificates${wave ? `?wave=${encodeURIComponent(wave.waveId)}` : ''}`}
        >
          {t.issuedLink}
        </a>
      </p>
      <ErrorNotice error={report.error} />
      {report.data && waves.length === 0 && <p class="notice">{t.noWaves}</p>}
      {waves.length > 1 && (
        <div class="session-tabs" role="group" aria-label={t.wave}>
          {waves.map((w) => (
            <button
              type="button"
              key={w.waveId}
              class={w.waveId === wave?.waveId ? '' : 'secondary'}
              aria-pressed={w.waveId === wave?.waveId}
              onClick={() =>
                navigate(
                  `/admin/events/${encodeURIComponent(eventId)}/eligibility?wave=${encodeURIComponent(w.waveId)}`,
                  { replace: true },
                )
              }
            >
              {w.waveName} ({w.eligible}/{w.participants.length})
            </button>
          ))}
        </div>
      )}
      {wave && (
        <WaveView key={wave.waveId} wave={wave} admin={admin} onReport={(r) => report.setData(r)} />
      )}
    </AdminLayout>
  );
}

function WaveView(props: {
  wave: WaveEligibility;
  admin: boolean;
  onReport: (r: EligibilityReport) => void;
}) {
  const lang = useLang();
  const t = eligibilityText[lang];
  const { wave } = props;
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [deciding, setDeciding] = useState<{ row: EligibilityRow; eligible: boolean } | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const needle = q.trim().toLowerCase();
  const rows = wave.participants.filter(
    (p) =>
      (filter === 'all' || (filter === 'yes') === p.eligible) &&
      (!needle || `${p.name} ${p.business}`.toLowerCase().includes(needle)),
  );

  const removeOverride = async (row: EligibilityRow) => {
    setError(null);
    try {
      props.onReport(
        await adminApi<EligibilityReport>(
          `/api/participants/${encodeURIComponent(row.participantId)}/eligibility-override`,
          { method: 'DELETE' },
        ),
      );
    } catch (err) {
      setError(asFailure(err));
    }
  };

  return (
    <section data-testid="eligibility-wave" data-wave={wave.waveId}>
      <h2>
        {t.rule} — {wave.waveName}
      </h2>
      {wave.ruleProblems.map((p) => (
        <p class="notice" key={p.kind} data-testid="rule-problem">
          {pickText(ruleProblemWords(p), lang)}
        </p>
      ))}
      {props.admin ? (
        <RuleForm wave={wave} onReport={props.onReport} />
      ) : (
        <p data-testid="rule-words">
          {wave.defaultRule ? t.defaultRule : pickText(ruleWords(wave.rule, wave.sessions), lang)}
        </p>
      )}
      <p class="roster-count" data-testid="eligibility-counts">
        {t.counts(wave.eligible, wave.notEligible)}
      </p>
      <div class="filters">
        <div class="field">
          <label for="elig-filter">{t.filter}</label>
          <select
            id="elig-filter"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as Filter)}
          >
            <option value="all">{t.filterAll}</option>
            <option value="yes">{t.filterYes}</option>
            <option value="no">{t.filterNo}</option>
          </select>
        </div>
        <div class="field grow">
          <label for="elig-search">{t.search}</label>
          <input
            id="elig-search"
            type="search"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </div>
      </div>
      <ErrorNotice error={error} />
      {rows.length === 0 ? (
        <p>{t.nobody}</p>
      ) : (
        <div class="table-scroll">
          <table data-testid="eligibility-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.attended}</th>
                <th scope="col">{t.result}</th>
                {props.admin && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr
                  key={p.participantId}
                  data-participant={p.participantId}
                  data-eligible={String(p.eligible)}
                >
                  <td>
                    {p.name}
                    {p.status === 'cancelled' && <span class="tag warn"> {t.cancelled}</span>}
                    {p.business && <div class="muted">{p.business}</div>}
                  </td>
                  <td class="nowrap">{t.attendedOf(p.attended.length, wave.sessions.length)}</td>
                  <td>
                    <strong>{p.eligible ? t.eligible : t.notEligible}</strong>
                    {!p.override && p.reasons.length > 0 && (
                      <div class="muted" data-testid="eligibility-reasons">
                        {p.reasons.map((r) => pickText(reasonWords(r), lang)).join('; ')}
                      </div>
                    )}
                    {p.override && (
                      <div class="muted" data-testid="eligibility-override">
                        {t.decidedBy(p.override.by, p.override.reason)} ({t.ruleSays(p.byRule)})
                      </div>
                    )}
                  </td>
                  {props.admin && (
                    <td>
                      {p.override ? (
                        <button
                          type="button"
                          class="secondary small"
                          onClick={() => void removeOverride(p)}
                        >
                          {t.removeOverride}
                        </button>
                      ) : (
                        <button
                          type="button"
                          class="secondary small"
                          data-testid="eligibility-decide"
                          onClick={() => setDeciding({ row: p, eligible: !p.eligible })}
                        >
                          {p.eligible ? t.makeNotEligible : t.makeEligible}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deciding && (
        <OverrideDialog
          row={deciding.row}
          eligible={deciding.eligible}
          onReport={(r) => {
            props.onReport(r);
            setDeciding(null);
          }}
          onClose={() => setDeciding(null)}
        />
      )}
    </section>
  );
}

function RuleForm(props: { wave: WaveEligibility; onReport: (r: EligibilityReport) => void }) {
  const lang = useLang();
  const t = eligibilityText[lang];
  const { wave } = props;
  const [rule, setRule] = useState<EligibilityRule>(wave.rule);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setRule(wave.rule), [wave.rule]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const known = rule.mandatory.filter((m) => wave.sessions.some((s) => s.id === m));
    const next = { ...rule, mandatory: known };
    if (!next.all && next.atLeast === null && next.mandatory.length === 0) {
      setProblem(t.needOne);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      props.onReport(
        await adminApi<EligibilityReport>(
          `/api/waves/${encodeURIComponent(wave.waveId)}/eligibility-rule`,
          { method: 'PUT', body: next },
        ),
      );
      setSaved(true);
    } catch (err) {
      setError(asFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={(e) => void save(e)} data-testid="rule-form">
      {wave.defaultRule && <p class="muted">{t.defaultRule}</p>}
      <label class="inline">
        <input
          type="checkbox"
          checked={rule.all}
          onChange={(e) => setRule({ ...rule, all: e.currentTarget.checked })}
          data-testid="rule-all"
        />{' '}
        {t.all}
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={rule.atLeast !== null}
          onChange={(e) =>
            setRule({
              ...rule,
              atLeast: e.currentTarget.checked ? Math.max(1, wave.sessions.length - 1) : null,
            })
          }
          data-testid="rule-at-least-on"
        />{' '}
        {t.atLeast}{' '}
        <input
          type="number"
          min={1}
          max={100}
          class="narrow"
          aria-label={`${t.atLeast} (${t.atLeastSuffix})`}
          value={rule.atLeast ?? ''}
          disabled={rule.atLeast === null}
          onInput={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1) setRule({ ...rule, atLeast: n });
          }}
          data-testid="rule-at-least"
        />{' '}
        {t.atLeastSuffix}
      </label>
      {wave.sessions.length > 0 && (
        <fieldset>
          <legend>{t.mandatory}</legend>
          {wave.sessions.map((s) => (
            <label class="inline" key={s.id}>
              <input
                type="checkbox"
                checked={rule.mandatory.includes(s.id)}
                onChange={(e) =>
                  setRule({
                    ...rule,
                    mandatory: e.currentTarget.checked
                      ? [...rule.mandatory, s.id]
                      : rule.mandatory.filter((m) => m !== s.id),
                  })
                }
              />{' '}
              {s.name}
            </label>
          ))}
        </fieldset>
      )}
      {problem && (
        <p class="error-notice" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={error} />
      <div class="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy} data-testid="rule-save">
          {busy ? t.saving : t.saveRule}
        </button>
        <span role="status" class="saved">
          {saved ? t.saved : ''}
        </span>
      </div>
    </form>
  );
}

function OverrideDialog(props: {
  row: EligibilityRow;
  eligible: boolean;
  onReport: (r: EligibilityReport) => void;
  onClose: () => void;
}) {
  const t = eligibilityText[useLang()];
  return (
    <ReasonDialog
      title={t.overrideTitle(props.row.name, props.eligible)}
      label={t.reason}
      needReason={t.needReason}
      confirm={t.confirm}
      cancel={t.cancel}
      testId="override-dialog"
      confirmTestId="override-save"
      onSubmit={async (reason) =>
        props.onReport(
          await adminApi<EligibilityReport>(
            `/api/participants/${encodeURIComponent(props.row.participantId)}/eligibility-override`,
            { method: 'PUT', body: { eligible: props.eligible, reason } },
          ),
        )
      }
      onClose={props.onClose}
    />
  );
}
