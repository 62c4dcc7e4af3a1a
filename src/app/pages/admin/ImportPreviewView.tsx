import type { ImportPreview } from '../../../shared/api/schemas';
import { pickText, useLang } from '../../i18n/i18n';
import { fieldLabel, importText } from './import-text';

const SHOW = 200;

/** What an import would do: counts, rows with problems, updates and new participants. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const lang = useLang();
  const t = importText[lang];
  const errorLines = new Set(preview.errors.map((e) => e.line)).size;
  const counts: [string, number, string][] = [
    [t.rows, preview.totalRows, 'rows'],
    [t.creates, preview.creates.length, 'creates'],
    [t.updates, preview.updates.length, 'updates'],
    [t.unchanged, preview.unchanged, 'unchanged'],
    [t.errors, errorLines, 'errors'],
  ];
  return (
    <>
      <dl class="counts" data-testid="import-counts">
        {counts.map(([label, n, key]) => (
          <div key={key} class={key === 'errors' && n > 0 ? 'count bad' : 'count'} data-count={key}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</dd>
          </div>
        ))}
      </dl>

      {preview.ignoredColumns.length > 0 ? (
        <p data-testid="import-ignored">
          <strong>{t.ignored}:</strong> {preview.ignoredColumns.join(', ')}
        </p>
      ) : null}

      {preview.errors.length > 0 ? (
        <section aria-labelledby="import-errors-title">
          <h3 id="import-errors-title">{t.errorsTitle}</h3>
          {preview.errors.length > SHOW ? (
            <p class="muted">{t.firstOf(SHOW, preview.errors.length)}</p>
          ) : null}
          <div class="table-scroll">
            <table data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t.colLine}</th>
                  <th scope="col">{t.colField}</th>
                  <th scope="col">{t.colReason}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.slice(0, SHOW).map((e, i) => (
                  <tr key={`${e.line}-${i}`} data-line={e.line} data-code={e.code}>
                    <td>{e.line}</td>
                    <td>{fieldLabel(e.field, lang)}</td>
                    <td>{pickText(e.message, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {preview.updates.length > 0 ? (
        <section aria-labelledby="import-updates-title">
          <h3 id="import-updates-title">{t.updatesTitle}</h3>
          {preview.updates.length > SHOW ? (
            <p class="muted">{t.firstOf(SHOW, preview.updates.length)}</p>
          ) : null}
          <div class="table-scroll">
            <table data-testid="import-updates">
              <thead>
                <tr>
                  <th scope="col">{t.colLine}</th>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colChanges}</th>
                </tr>
              </thead>
              <tbody>
                {preview.updates.slice(0, SHOW).map((u) => (
                  <tr key={u.participantId} data-line={u.line}>
                    <td>{u.line}</td>
                    <td>{u.name}</td>
                    <td>{u.changes.map((c) => fieldLabel(c, lang)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {preview.creates.length > 0 ? (
        <details class="creates">
          <summary>
            {t.createsTitle} (
            {preview.creates.length.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')})
          </summary>
          {preview.creates.length > SHOW ? (
            <p class="muted">{t.firstOf(SHOW, preview.creates.length)}</p>
          ) : null}
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.colLine}</th>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colBusiness}</th>
                  <th scope="col">{t.colPhone}</th>
                  <th scope="col">{t.colWave}</th>
                </tr>
              </thead>
              <tbody>
                {preview.creates.slice(0, SHOW).map((c) => (
                  <tr key={c.line}>
                    <td>{c.line}</td>
                    <td>{c.name}</td>
                    <td>{c.business}</td>
                    <td class="nowrap">{c.phone}</td>
                    <td>{c.waveName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </>
  );
}
