// The verification page's state: the signature is proven in the browser with the keys kept on
// this device first (so it works offline), the keys are refreshed when the server answers, and
// a genuine certificate's standing (revoked, superseded) is asked online.
import { useEffect, useState } from 'preact/hooks';
import type { CertificateCheck, CertificatePayload } from '../../../shared/certificate/token';
import { certificateTokenOf, verifyCertificate } from '../../../shared/certificate/token';
import type { CertificateStanding } from '../../../shared/certificate/status-words';
import { standingOf } from '../../../shared/certificate/status-words';
import { keepKeys, keptKeys } from '../../certificate-store/kept-certificates';
import { fetchCertificateKeys, fetchCertificateStatus } from './certificate-api';

export type VerifyState =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'refused'; check: Extract<CertificateCheck, { ok: false }> }
  | { kind: 'genuine'; token: string; payload: CertificatePayload; standing: CertificateStanding };

/** The token from a location fragment; messengers sometimes percent-encode it. */
export function fragmentToken(hash: string): string {
  try {
    return decodeURIComponent(hash).trim();
  } catch {
    return hash.trim();
  }
}

async function standing(id: string): Promise<CertificateStanding> {
  const answer = await fetchCertificateStatus(id);
  if (answer.kind === 'ok') return standingOf(answer.value);
  return answer.kind === 'unknown' ? { kind: 'not-found' } : { kind: 'unchecked' };
}

/** The verification of the token in the fragment; never throws. */
export function useVerify(hash: string): VerifyState {
  const token = fragmentToken(hash);
  const [state, setState] = useState<VerifyState>(token ? { kind: 'checking' } : { kind: 'empty' });

  useEffect(() => {
    if (!token) return setState({ kind: 'empty' });
    let live = true;
    const show = (s: VerifyState) => live && setState(s);
    const genuine = (payload: CertificatePayload, s: CertificateStanding): VerifyState => ({
      kind: 'genuine',
      token: certificateTokenOf(token),
      payload,
      standing: s,
    });
    setState({ kind: 'checking' });
    void (async () => {
      const first = await verifyCertificate(token, keptKeys());
      // A ticket or a damaged code stays refused whatever keys the server has.
      const final =
        !first.ok && (first.reason === 'a-ticket' || first.reason === 'not-a-certificate');
      if (first.ok) show(genuine(first.payload, { kind: 'checking' }));
      else if (final) return show({ kind: 'refused', check: first });
      const [fresh, asked] = await Promise.all([
        fetchCertificateKeys(),
        first.ok ? standing(first.payload.id) : null,
      ]);
      if (fresh) keepKeys(fresh);
      if (first.ok) return show(genuine(first.payload, asked ?? { kind: 'unchecked' }));
      const second = fresh ? await verifyCertificate(token, fresh) : first;
      if (!second.ok) return show({ kind: 'refused', check: second });
      show(genuine(second.payload, { kind: 'checking' }));
      show(genuine(second.payload, await standing(second.payload.id)));
    })();
    return () => {
      live = false;
    };
  }, [token]);

  return state;
}
