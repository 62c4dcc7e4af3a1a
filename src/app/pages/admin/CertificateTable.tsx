// The issued certificates table and the revoke dialog of the certificates page.
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { Modal } from '../../components/admin/Modal';
import { pickText, useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure } from './admin-api';
import type { CertificateRow } from './certificates-list';
import { recordStatusWords } from './certificates-list';
import { certificatesText } from './certificates-text';
import { formatWib } from './wib-time';

export function CertificateTable(props: {
  rows: CertificateRow[];
  admin: boolean;
  busy: boolean;
  onRevoke: (row: CertificateRow) => void;
  onReissue: (row: CertificateRow) => void;
}) {
  const lang = useLang();
  const t = certificatesText[lang];
  return (
    <div class="table-scroll">
      <table data-testid="certificates-table">
        <thead>
          <tr>
            <th scope="col">{t.number}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.issued}</th>
            <th scope="col">{t.links}</th>
            {props.admin && <th scope="col">{t.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ record: r, payload: p }) => (
            <tr key={r.id} data-certificate={r.id} data-status={r.status}>
              <td class="nowrap">{r.number}</td>
              <td>
                {p ? p.name : t.damaged}
                {p?.business && <div class="muted">{p.business}</div>}
              </td>
              <td data-testid="certificate-status">
                <strong>{pickText(recordStatusWords(r), lang)}</strong>
              </td>
              <td>
                {formatWib(r.issuedAt, lang)}
                <div class="muted">{t.by(r.issuedBy)}</div>
              </td>
              <td class="nowrap">
                <a href={r.certificateLink} target="_blank" rel="noopener">
                  {t.view}
                  <span class="visually-hidden"> {p?.name ?? r.number}</span>
                </a>
                {' · '}
                <a href={r.verifyLink} target="_blank" rel="noopener">
                  {t.verify}
                  <span class="visually-hidden"> {p?.name ?? r.number}</span>
                </a>
              </td>
              {props.admin && (
                <td class="nowrap">
                  {r.status === 'valid' && (
                    <button
                      type="button"
                      class="secondary small"
                      disabled={props.busy}
                      onClick={() => props.onRevoke({ record: r, payload: p })}
                      data-testid="certificate-revoke"
                    >
                      {t.revoke}
                      <span class="visually-hidden"> {p?.name ?? r.number}</span>
                    </button>
                  )}{' '}
                  {r.status !== 'superseded' && (
                    <button
                      type="button"
                      class="secondary small"
                      disabled={props.busy}
                      onClick={() => props.onReissue({ record: r, payload: p })}
                      data-testid="certificate-reissue"
                    >
                      {t.reissue}
                      <span class="visually-hidden"> {p?.name ?? r.number}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Asks for the reason, then revokes (POST /api/certificates/:id/revoke). */
export function RevokeDialog(props: {
  row: CertificateRow;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const t = certificatesText[useLang()];
  const name = props.row.payload?.name ?? props.row.record.number;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setProblem(t.needReason);
    setProblem(null);
    setBusy(true);
    try {
      await adminApi(`/api/certificates/${encodeURIComponent(props.row.record.id)}/revoke`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      props.onDone(t.revoked(name));
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };
  return (
    <Modal title={t.revokeTitle(name)} onClose={props.onClose} testId="revoke-dialog">
      <form class="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t.revokeWarning}</p>
        <div class="field">
          <label for="revoke-reason">{t.reason}</label>
          <textarea
            id="revoke-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'revoke-reason-problem' : undefined}
          />
          {problem && (
            <small id="revoke-reason-problem" class="hint error-text">
              {problem}
            </small>
          )}
        </div>
        <ErrorNotice error={error} />
        <div class="form-actions">
          <button type="submit" class="danger" disabled={busy} aria-busy={busy}>
            {t.confirmRevoke}
          </button>
          <button type="button" class="secondary" onClick={props.onClose} disabled={busy}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
