// The certificate page's state: the token in the fragment says what is printed (it is signed),
// the template comes from the server once and is kept for offline; the saved copy shows at once
// and the network only ever adds to it.
import { useEffect, useState } from 'preact/hooks';
import type { CertificateTemplate } from '../../../shared/api/certificates';
import type { CertificatePayload } from '../../../shared/certificate/token';
import { certificateTokenOf, parseCertificate } from '../../../shared/certificate/token';
import { keepCertificate, keptCertificate } from '../../certificate-store/kept-certificates';
import type { CertificateStanding } from '../../../shared/certificate/status-words';
import { standingOf } from '../../../shared/certificate/status-words';
import { fetchCertificateStatus, fetchCertificateView, inlineImages } from './certificate-api';
import { fragmentToken } from './use-verify';

export type CertificateState =
  | { kind: 'invalid' }
  | {
      kind: 'certificate';
      token: string;
      payload: CertificatePayload;
      template: CertificateTemplate | null;
      savedAt: string | null;
      loading: boolean;
      /** The server answered that it has no such certificate. */
      unknown: boolean;
      /** Revoked or replaced, when the server said so; the page warns before printing. */
      ended: CertificateStanding | null;
      saveFailed: boolean;
    };

/** The state for a fragment before any network: from the token and what this phone kept. */
export function initialCertificateState(hash: string): CertificateState {
  const token = certificateTokenOf(fragmentToken(hash));
  const parsed = parseCertificate(token);
  if (!parsed) return { kind: 'invalid' };
  const kept = keptCertificate(parsed.payload.id, token);
  return {
    kind: 'certificate',
    token,
    payload: parsed.payload,
    template: kept?.template ?? null,
    savedAt: kept?.savedAt ?? null,
    loading: true,
    unknown: false,
    ended: null,
    saveFailed: false,
  };
}

/** The certificate of the current fragment, refreshed from the server when it answers. */
export function useCertificate(hash: string): CertificateState {
  const [state, setState] = useState(() => initialCertificateState(hash));
  useEffect(() => {
    const start = initialCertificateState(hash);
    setState(start);
    if (start.kind !== 'certificate') return;
    let live = true;
    void fetchCertificateStatus(start.payload.id).then((answer) => {
      const standing = answer.kind === 'ok' ? standingOf(answer.value) : null;
      const ended = standing?.kind === 'revoked' || standing?.kind === 'superseded';
      if (live && ended) setState((now) => ({ ...now, ended: standing }));
    });
    void (async () => {
      const answer = await fetchCertificateView(start.payload.id);
      if (!live) return;
      if (answer.kind === 'unknown')
        return setState((now) => ({ ...now, loading: false, unknown: true }));
      if (answer.kind === 'unreachable') return setState((now) => ({ ...now, loading: false }));
      // Shown at once; the images are then written into the kept copy for offline printing.
      setState((now) => ({ ...now, template: answer.value.template, loading: false }));
      const template = await inlineImages(answer.value.template);
      const kept = keepCertificate({ id: start.payload.id, token: start.token, template });
      if (!live) return;
      setState((now) => ({
        ...now,
        template,
        savedAt: kept?.savedAt ?? null,
        saveFailed: kept === null,
      }));
    })();
    return () => {
      live = false;
    };
  }, [hash]);
  return state;
}
