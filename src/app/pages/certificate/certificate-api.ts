// The public certificate endpoints as the certificate pages ask them: never throws, gives up after
// a while (venue Wi-Fi often connects but carries nothing), and says "unreachable" rather than
// guessing. Only the certificate's record id travels; the token stays in the URL fragment.
import type {
  CertificateKeys,
  CertificateStatusAnswer,
  CertificateView,
} from '../../../shared/api/certificates';
import type { KeptKey } from '../../certificate-store/kept-certificates';
import { isCertificateTemplate } from '../../certificate-store/kept-certificates';

export type Answer<T> = { kind: 'ok'; value: T } | { kind: 'unknown' } | { kind: 'unreachable' };

const TIMEOUT_MS = 8_000;

async function getJson(path: string): Promise<Answer<unknown>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(path, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    if (res.status === 400 || res.status === 404) return { kind: 'unknown' };
    if (!res.ok) return { kind: 'unreachable' };
    return { kind: 'ok', value: await res.json() };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

const idPath = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** GET /api/certificate-keys: every event's public key. */
export async function fetchCertificateKeys(): Promise<KeptKey[] | null> {
  const answer = await getJson('/api/certificate-keys');
  if (answer.kind !== 'ok') return null;
  const keys = (answer.value as Partial<CertificateKeys> | null)?.keys;
  return Array.isArray(keys) ? keys : null;
}

/** GET /api/certificate-status/:id: valid, revoked (with the reason) or superseded. */
export async function fetchCertificateStatus(id: string): Promise<Answer<CertificateStatusAnswer>> {
  const answer = await getJson(idPath('/api/certificate-status', id));
  if (answer.kind !== 'ok') return answer;
  const v = answer.value as Partial<CertificateStatusAnswer> | null;
  const known = v?.status === 'valid' || v?.status === 'revoked' || v?.status === 'superseded';
  return known && v.id === id
    ? { kind: 'ok', value: v as CertificateStatusAnswer }
    : { kind: 'unreachable' };
}

/** GET /api/certificate-view/:id: the template the certificate is printed with. */
export async function fetchCertificateView(id: string): Promise<Answer<CertificateView>> {
  const answer = await getJson(idPath('/api/certificate-view', id));
  if (answer.kind !== 'ok') return answer;
  const v = answer.value as Partial<CertificateView> | null;
  return isCertificateTemplate(v?.template)
    ? { kind: 'ok', value: v as CertificateView }
    : { kind: 'unreachable' };
}

/** Images above this stay links (and are missing offline) rather than fill the phone's storage. */
const MAX_INLINE_BYTES = 400_000;

async function dataUrl(url: string): Promise<string> {
  try {
    const res = await fetch(url, { credentials: 'omit' });
    const blob = await res.blob();
    if (!res.ok || !blob.type.startsWith('image/') || blob.size > MAX_INLINE_BYTES) return url;
    return await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : url);
      reader.onerror = () => resolve(url);
      reader.readAsDataURL(blob);
    });
  } catch {
    return url;
  }
}

/**
 * The template with its logo and signature images written into it (data: URLs), so a kept
 * certificate prints whole offline: the service worker never caches /api/* answers.
 */
export async function inlineImages(
  t: CertificateView['template'],
): Promise<CertificateView['template']> {
  const [logoUrl, ...signatures] = await Promise.all([
    t.logoUrl ? dataUrl(t.logoUrl) : null,
    ...t.signers.map((s) => (s.signatureUrl ? dataUrl(s.signatureUrl) : null)),
  ]);
  return {
    ...t,
    logoUrl: logoUrl ?? null,
    signers: t.signers.map((s, i) => ({ ...s, signatureUrl: signatures[i] ?? null })),
  };
}
