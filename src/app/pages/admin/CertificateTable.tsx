// The issued certificates table and the revoke dialog of the certificates page.
import { ReasonDialog } from '../../components/admin/ReasonDialog';
import { pickText, useLang } from '../../i18n/i18n';
import { adminApi } from './admin-api';
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
  return (
    <ReasonDialog
      title={t.revokeTitle(name)}
      label={t.reason}
      needReason={t.needReason}
      confirm={t.confirmRevoke}
      cancel={t.cancel}
      danger
      testId="revoke-dialog"
      onSubmit={async (reason) => {
        await adminApi(`/api/certificates/${encodeURIComponent(props.row.record.id)}/revoke`, {
          method: 'POST',
          body: { reason },
        });
        props.onDone(t.revoked(name));
      }}
      onClose={props.onClose}
    >
      <p>{t.revokeWarning}</p>
    </ReasonDialog>
  );
}
