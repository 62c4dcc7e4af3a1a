// What the certificate pages keep on this device so they work with no network: the events'
// public keys (the verification page proves signatures offline with them) and each opened
// certificate's template (the certificate page shows it again offline). localStorage, like the
// saved tickets: a few kilobytes, read synchronously before the first paint.
import type { CertificateKeys, CertificateTemplate } from '../../shared/api/certificates';

type Store = Pick<Storage, 'getItem' | 'setItem'> | null;
export type KeptKey = CertificateKeys['keys'][number];

/** A certificate as kept: its token and the template it is printed with. */
export interface KeptCertificate {
  token: string;
  template: CertificateTemplate;
  savedAt: string;
}

const KEYS = 'hadir.certificate-keys.v1';
const VIEWS = 'hadir.certificates.v1';
/** Older certificates are forgotten first; a phone rarely holds more than a few. */
const MAX_KEPT = 20;

function defaultStore(): Store {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Site data blocked: nothing is kept, the pages still work online.
  }
}

function read(store: Store, key: string): unknown {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(store: Store, key: string, value: unknown): boolean {
  try {
    store?.setItem(key, JSON.stringify(value));
    return store !== null;
  } catch {
    return false; // Quota or private mode.
  }
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function isKey(x: unknown): x is KeptKey {
  return isObject(x) && isString(x.kid) && isString(x.publicKey) && isString(x.eventName);
}

/** True when `x` has every template field the certificate page reads. */
export function isCertificateTemplate(x: unknown): x is CertificateTemplate {
  return (
    isObject(x) &&
    isString(x.title) &&
    isString(x.body) &&
    isString(x.place) &&
    (x.date === null || isString(x.date)) &&
    (x.logoUrl === null || isString(x.logoUrl)) &&
    Array.isArray(x.signers) &&
    x.signers.every(
      (s: unknown) =>
        isObject(s) &&
        isString(s.name) &&
        isString(s.position) &&
        (s.signatureUrl === null || isString(s.signatureUrl)),
    )
  );
}

/** The events' public keys last fetched on this device (empty if never). */
export function keptKeys(store: Store = defaultStore()): KeptKey[] {
  const all = read(store, KEYS);
  return Array.isArray(all) ? all.filter(isKey) : [];
}

/** Keeps the server's current list of keys; returns false when it could not be kept. */
export function keepKeys(keys: readonly KeptKey[], store: Store = defaultStore()): boolean {
  return write(store, KEYS, keys.filter(isKey));
}

function readViews(store: Store): Record<string, KeptCertificate> {
  const all = read(store, VIEWS);
  if (!isObject(all)) return {};
  const out: Record<string, KeptCertificate> = {};
  for (const [id, v] of Object.entries(all)) {
    if (
      isObject(v) &&
      isString(v.token) &&
      isString(v.savedAt) &&
      isCertificateTemplate(v.template)
    )
      out[id] = v as unknown as KeptCertificate;
  }
  return out;
}

/** The certificate kept under its record id, if the same token was kept. */
export function keptCertificate(
  id: string,
  token: string,
  store: Store = defaultStore(),
): KeptCertificate | null {
  const kept = readViews(store)[id];
  return kept?.token === token ? kept : null;
}

/** Keeps a certificate's template for offline; the oldest are dropped past MAX_KEPT. */
export function keepCertificate(
  entry: { id: string; token: string; template: CertificateTemplate },
  store: Store = defaultStore(),
): KeptCertificate | null {
  const all = readViews(store);
  const kept: KeptCertificate = {
    token: entry.token,
    template: entry.template,
    savedAt: new Date().toISOString(),
  };
  // Insertion order is the order of keeping: the one kept now goes last, the first ones go.
  delete all[entry.id];
  all[entry.id] = kept;
  const newest = Object.entries(all).slice(-MAX_KEPT);
  return write(store, VIEWS, Object.fromEntries(newest)) ? kept : null;
}
