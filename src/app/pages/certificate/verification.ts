// The verification's steps, as states to show one after another: proven first with the keys kept
// on this device (so it works offline), then with the server's keys when they arrive, then the
// certificate's standing asked online. Network and storage are passed in, so it is tested alone.
import type { CertificateStatusAnswer } from '../../../shared/api/certificates';
import type { CertificateCheck, CertificatePayload } from '../../../shared/certificate/token';
import { certificateTokenOf, verifyCertificate } from '../../../shared/certificate/token';
import type { CertificateStanding } from '../../../shared/certificate/status-words';
import { standingOf } from '../../../shared/certificate/status-words';
import type { KeptKey } from '../../certificate-store/kept-certificates';
import type { Answer } from './certificate-api';

export type VerifyState =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'refused'; check: Extract<CertificateCheck, { ok: false }> }
  | { kind: 'genuine'; token: string; payload: CertificatePayload; standing: CertificateStanding };

export interface VerificationDeps {
  keptKeys: () => KeptKey[];
  keepKeys: (keys: KeptKey[]) => void;
  fetchKeys: () => Promise<KeptKey[] | null>;
  fetchStatus: (id: string) => Promise<Answer<CertificateStatusAnswer>>;
}

async function standing(deps: VerificationDeps, id: string): Promise<CertificateStanding> {
  const answer = await deps.fetchStatus(id);
  if (answer.kind === 'ok') return standingOf(answer.value);
  return answer.kind === 'unknown' ? { kind: 'not-found' } : { kind: 'unchecked' };
}

/** Every state the page shows for `text`, in order; the last one stays. Never throws. */
export async function* verificationSteps(
  text: string,
  deps: VerificationDeps,
): AsyncGenerator<VerifyState> {
  const token = certificateTokenOf(text);
  if (!token) return yield { kind: 'empty' };
  yield { kind: 'checking' };
  const genuine = (payload: CertificatePayload, s: CertificateStanding): VerifyState => ({
    kind: 'genuine',
    token,
    payload,
    standing: s,
  });
  const first = await verifyCertificate(token, deps.keptKeys());
  // A ticket or a damaged code stays refused whatever keys the server has.
  if (!first.ok && (first.reason === 'a-ticket' || first.reason === 'not-a-certificate')) {
    return yield { kind: 'refused', check: first };
  }
  if (first.ok) yield genuine(first.payload, { kind: 'checking' });
  const [fresh, asked] = await Promise.all([
    deps.fetchKeys().catch(() => null),
    first.ok ? standing(deps, first.payload.id) : null,
  ]);
  if (fresh) deps.keepKeys(fresh);
  if (first.ok) return yield genuine(first.payload, asked ?? { kind: 'unchecked' });
  const second = fresh ? await verifyCertificate(token, fresh) : first;
  if (!second.ok) return yield { kind: 'refused', check: second };
  yield genuine(second.payload, { kind: 'checking' });
  yield genuine(second.payload, await standing(deps, second.payload.id));
}
