// /v#<token>: anyone checks a certificate. The Ed25519 signature is proven in the browser with
// the events' public keys kept on this device, so a page once visited works offline; online it
// also asks whether the certificate was revoked or replaced. The token never leaves the fragment.
import { useEffect, useState } from 'preact/hooks';
import { standingWords } from '../../../shared/certificate/status-words';
import { certificatePath, certificateTokenOf } from '../../../shared/certificate/token';
import { LangToggle } from '../../components/LangToggle';
import type { Lang } from '../../i18n/i18n';
import { pickText, useLang } from '../../i18n/i18n';
import { navigate, useLocation } from '../../router';
import { CertificateDetails } from './CertificateDetails';
import { certificateWords } from './certificate-words';
import type { VerifyState } from './use-verify';
import { useVerify } from './use-verify';
import './certificate.css';

export default function VerifyPage(_props: { params: Record<string, string> }) {
  const { hash } = useLocation();
  const lang = useLang();
  const t = certificateWords(lang);
  const state = useVerify(hash);

  useEffect(() => {
    document.title =
      state.kind === 'genuine'
        ? `${t.verifyTitle}: ${state.payload.name} — Hadir`
        : `${t.verifyTitle} — Hadir`;
  }, [state, t]);

  return (
    <main class="page cert-page">
      <header class="ticket-header">
        <a href="/">Hadir</a>
        <LangToggle />
      </header>
      <h1>{t.verifyTitle}</h1>
      <Verdict state={state} lang={lang} />
      <PasteBox lang={lang} intro={state.kind === 'empty'} />
    </main>
  );
}

function Verdict(props: { state: VerifyState; lang: Lang }) {
  const { state, lang } = props;
  const t = certificateWords(lang);
  const other = lang === 'en' ? 'id' : 'en';
  if (state.kind === 'empty') return null;
  if (state.kind === 'checking')
    return (
      <p class="cert-note" role="status" aria-live="polite">
        {t.checking}
      </p>
    );
  if (state.kind === 'refused')
    return (
      <section class="cert-verdict cert-refused" role="alert" data-testid="verify-refused">
        <h2>
          <span aria-hidden="true">✗ </span>
          {t.refused}
        </h2>
        <p class="cert-verdict-words">{pickText(state.check.message, lang)}</p>
        {/* The other language too: the person may not find the toggle on a refusal. */}
        <p lang={other}>{pickText(state.check.message, other)}</p>
      </section>
    );
  const words = standingWords(state.standing);
  const urgent = words.tone === 'bad' || words.tone === 'warn';
  // A revoked or replaced certificate is still genuinely signed, but must not read as good.
  return (
    <>
      <section
        class={`cert-verdict ${urgent ? 'cert-genuine-ended' : 'cert-genuine'}`}
        data-testid="verify-genuine"
      >
        <h2>
          <span aria-hidden="true">{urgent ? '! ' : '✓ '}</span>
          {urgent ? t.genuineEnded : t.genuine}
        </h2>
        <p>{t.genuineBody(state.payload.programme)}</p>
      </section>
      <section
        class={`cert-standing cert-standing-${words.tone}`}
        role={urgent ? 'alert' : 'status'}
        data-testid="verify-standing"
        data-standing={state.standing.kind}
      >
        <h2>{pickText(words.title, lang)}</h2>
        <p>{pickText(words.body, lang)}</p>
      </section>
      <CertificateDetails payload={state.payload} lang={lang} />
      <p>
        <a class="button secondary" href={certificatePath(state.token)}>
          {t.openCertificate}
        </a>
      </p>
    </>
  );
}

function PasteBox(props: { lang: Lang; intro: boolean }) {
  const t = certificateWords(props.lang);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const check = (e: Event) => {
    e.preventDefault();
    const token = certificateTokenOf(text);
    setEmpty(!token);
    if (!token) return;
    setText('');
    navigate(`/v#${token}`);
  };
  return (
    <form class="cert-paste" onSubmit={check}>
      {props.intro && <p>{t.emptyIntro}</p>}
      <label for="cert-paste">{t.pasteLabel}</label>
      <p id="cert-paste-hint" class="cert-note">
        {t.pasteHint}
      </p>
      <textarea
        id="cert-paste"
        rows={3}
        value={text}
        aria-describedby="cert-paste-hint"
        spellcheck={false}
        autocapitalize="off"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {empty && (
        <p class="cert-note" role="alert">
          {t.pasteEmpty}
        </p>
      )}
      <button type="submit">{t.pasteCheck}</button>
    </form>
  );
}
