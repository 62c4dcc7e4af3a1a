// /c#<token>: the participant's certificate, the A4 landscape sheet scaled to the phone, printed
// or saved as PDF by the browser. Kept on the phone once opened, so it shows again offline.
import { useEffect } from 'preact/hooks';
import { verifyPath } from '../../../shared/certificate/token';
import { LangToggle } from '../../components/LangToggle';
import type { CertificateStanding } from '../../../shared/certificate/status-words';
import { standingWords } from '../../../shared/certificate/status-words';
import type { Lang } from '../../i18n/i18n';
import { pickText, useLang } from '../../i18n/i18n';
import { useLocation } from '../../router';
import { formatDate, formatTime } from '../ticket/format-time';
import { CertificateDetails } from './CertificateDetails';
import { CertificateSheet, FitToWidth } from './CertificateSheet';
import { certificateWords } from './certificate-words';
import { useCertificate } from './use-certificate';
import { useLandscapePrint } from './use-landscape-print';
import './certificate.css';

export default function CertificatePage(_props: { params: Record<string, string> }) {
  const { hash } = useLocation();
  const lang = useLang();
  const t = certificateWords(lang);
  const state = useCertificate(hash);
  const name = state.kind === 'certificate' ? state.payload.name : null;
  useLandscapePrint(state.kind === 'certificate' && state.template !== null);

  useEffect(() => {
    document.title = name
      ? `${t.certificateTitle}: ${name} — Hadir`
      : `${t.certificateTitle} — Hadir`;
  }, [name, t]);

  const header = (
    <header class="ticket-header no-print">
      <a href="/">Hadir</a>
      <LangToggle />
    </header>
  );

  if (state.kind === 'invalid')
    return (
      <main class="page cert-page">
        {header}
        <div class="ticket-problem" role="alert" data-testid="cert-error">
          <h1>{t.invalidTitle}</h1>
          <p>{t.invalidBody}</p>
          <p lang={lang === 'en' ? 'id' : 'en'}>
            {certificateWords(lang === 'en' ? 'id' : 'en').invalidBody}
          </p>
        </div>
      </main>
    );

  const note = state.unknown
    ? t.unknown
    : state.loading && !state.template
      ? t.loading
      : !state.template
        ? t.needOnline
        : state.saveFailed
          ? t.notSaved
          : state.savedAt && !state.loading
            ? t.savedCopy(`${formatDate(state.savedAt, lang)}, ${formatTime(state.savedAt, lang)}`)
            : '';

  return (
    <main class="page cert-page cert-wide">
      {header}
      <div class="no-print">
        <h1 data-testid="cert-heading">
          {t.certificateTitle}: {state.payload.name}
        </h1>
        {state.ended && <EndedNotice standing={state.ended} lang={lang} />}
        <p class="cert-note" role="status" data-testid="cert-note">
          {note}
        </p>
        {state.template && (
          <div class="cert-actions">
            <button type="button" onClick={() => window.print()} data-testid="cert-print">
              {t.print}
            </button>
            <a class="button secondary" href={verifyPath(state.token)}>
              {t.verifyLink}
            </a>
          </div>
        )}
        {state.template && <p class="cert-note">{t.printHint}</p>}
      </div>
      {state.template ? (
        <FitToWidth>
          <CertificateSheet token={state.token} payload={state.payload} template={state.template} />
        </FitToWidth>
      ) : (
        !state.unknown && <CertificateDetails payload={state.payload} lang={lang} />
      )}
    </main>
  );
}

/** A revoked or replaced certificate says so above the sheet (the sheet itself stays as issued). */
function EndedNotice(props: { standing: CertificateStanding; lang: Lang }) {
  const words = standingWords(props.standing);
  return (
    <section
      class={`cert-standing cert-standing-${words.tone}`}
      role="alert"
      data-testid="cert-ended"
    >
      <h2>{pickText(words.title, props.lang)}</h2>
      <p>{pickText(words.body, props.lang)}</p>
    </section>
  );
}
