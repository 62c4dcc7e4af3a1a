// "Cetak semua": every valid certificate of a wave as it is printed (each with the template it
// was issued with), one A4 landscape page each, for the browser's print dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CertificateTemplate } from '../../../shared/api/certificates';
import { useLang } from '../../i18n/i18n';
import { fetchCertificateView } from '../certificate/certificate-api';
import { CertificateSheet, FitToWidth } from '../certificate/CertificateSheet';
import { useLandscapePrint } from '../certificate/use-landscape-print';
import type { CertificateRow } from './certificates-list';
import { mapLimited } from './certificates-list';
import { certificatesText } from './certificates-text';

/** Requests in flight at once: a wave of 400 loads quickly without flooding the server. */
const PARALLEL = 6;

async function imagesLoaded(root: HTMLElement): Promise<void> {
  const images = [...root.querySelectorAll('img')];
  await Promise.all(images.map((img) => (img.complete ? null : img.decode().catch(() => null))));
}

export function CertificatePrintAll(props: { rows: CertificateRow[]; onBack: () => void }) {
  const t = certificatesText[useLang()];
  const [templates, setTemplates] = useState<(CertificateTemplate | null)[] | null>(null);
  const [done, setDone] = useState(0);
  const [ready, setReady] = useState(false);
  const sheets = useRef<HTMLDivElement>(null);
  useLandscapePrint();

  useEffect(() => {
    let live = true;
    let count = 0;
    void mapLimited(props.rows, PARALLEL, async (row) => {
      const answer = await fetchCertificateView(row.record.id);
      if (live) setDone(++count);
      return answer.kind === 'ok' ? answer.value.template : null;
    }).then((all) => live && setTemplates(all));
    return () => {
      live = false;
    };
  }, [props.rows]);

  useEffect(() => {
    if (!templates || !sheets.current) return;
    let live = true;
    void imagesLoaded(sheets.current).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [templates]);

  const failed = templates?.filter((x) => x === null).length ?? 0;
  const shown = templates?.length ? templates.length - failed : 0;
  return (
    <section data-testid="cert-print-all" data-ready={String(ready)} data-count={shown}>
      <div class="no-print">
        <h2>{t.printTitle(props.rows.length)}</h2>
        <p role="status">
          {!templates
            ? t.printLoading(done, props.rows.length)
            : props.rows.length === 0
              ? t.printNone
              : t.printReady(shown)}
        </p>
        {failed > 0 && (
          <p class="error-notice" role="alert">
            {t.printFailed(failed)}
          </p>
        )}
        <div class="cert-actions">
          <button
            type="button"
            onClick={() => window.print()}
            disabled={!ready || shown === 0}
            data-testid="cert-print-all-print"
          >
            {t.print}
          </button>
          <button type="button" class="secondary" onClick={props.onBack}>
            {t.back}
          </button>
        </div>
      </div>
      <div ref={sheets}>
        {templates && (
          <FitToWidth count={shown}>
            {props.rows.map((row, i) => {
              const template = templates[i];
              return template && row.payload ? (
                <CertificateSheet
                  key={row.record.id}
                  token={row.record.token}
                  payload={row.payload}
                  template={template}
                />
              ) : null;
            })}
          </FitToWidth>
        )}
      </div>
    </section>
  );
}
