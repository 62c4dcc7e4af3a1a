// The verification page's state for the token in the fragment: the steps of verification.ts
// with this device's storage and the public endpoints.
import { useEffect, useState } from 'preact/hooks';
import { keepKeys, keptKeys } from '../../certificate-store/kept-certificates';
import { fetchCertificateKeys, fetchCertificateStatus } from './certificate-api';
import type { VerifyState } from './verification';
import { verificationSteps } from './verification';

export type { VerifyState } from './verification';

/** The token from a location fragment; messengers sometimes percent-encode it. */
export function fragmentToken(hash: string): string {
  try {
    return decodeURIComponent(hash).trim();
  } catch {
    return hash.trim();
  }
}

const deps = {
  keptKeys: () => keptKeys(),
  keepKeys: (keys: Parameters<typeof keepKeys>[0]) => void keepKeys(keys),
  fetchKeys: fetchCertificateKeys,
  fetchStatus: fetchCertificateStatus,
};

/** The verification of the token in the fragment; never throws. */
export function useVerify(hash: string): VerifyState {
  const token = fragmentToken(hash);
  const [state, setState] = useState<VerifyState>(token ? { kind: 'checking' } : { kind: 'empty' });
  useEffect(() => {
    let live = true;
    void (async () => {
      for await (const step of verificationSteps(token, deps)) {
        if (!live) return;
        setState(step);
      }
    })();
    return () => {
      live = false;
    };
  }, [token]);
  return state;
}
