// Ed25519 with WebCrypto where the engine has it, and @noble/ed25519 where it doesn't (Chrome before
// 137, Firefox before 129, Safari before 17 throw NotSupportedError). Both give identical results:
// Ed25519 signatures are deterministic and noble runs in strict RFC 8032 mode (zip215: false).
// https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/sign#browser_compatibility
// noble is loaded only when WebCrypto cannot do Ed25519: most engines never need it, and the
// door and ticket pages stay smaller. Offline is safe: the service worker precaches every chunk
// of the build, lazy ones included (sw/sw.ts), so the fallback is on the device all the same.
import type * as NobleModule from '@noble/ed25519';
import type { SubtleEd25519, SubtleKey } from './webcrypto.js';
import { ed25519Algorithm as ED25519, isNotSupported, subtleCrypto } from './webcrypto.js';

type Verifier = (signature: Uint8Array, message: Uint8Array) => Promise<boolean>;
type Signer = (message: Uint8Array) => Promise<Uint8Array>;

type Noble = typeof NobleModule;
let noblePromise: Promise<Noble> | undefined;
function loadNoble(): Promise<Noble> {
  noblePromise ??= import('@noble/ed25519');
  return noblePromise;
}

/** Cached per key so a door checking hundreds of tickets imports each event key once. */
const verifiers = new Map<string, Promise<Verifier>>();
const signers = new Map<string, Promise<Signer>>();
const MAX_CACHED_KEYS = 64;

let forceNoble = false;
/** Becomes false the first time WebCrypto says it has no Ed25519; we then stop asking. */
let webCryptoHasEd25519 = true;

/** Lets tests run the @noble/ed25519 path in an engine that has WebCrypto Ed25519. */
export function __setForceNobleForTests(flag: boolean): void {
  forceNoble = flag;
  webCryptoHasEd25519 = true;
  verifiers.clear();
  signers.clear();
}

function webCrypto(): SubtleEd25519 | undefined {
  return forceNoble || !webCryptoHasEd25519 ? undefined : subtleCrypto();
}

function noteFailure(error: unknown): void {
  if (isNotSupported(error)) webCryptoHasEd25519 = false;
}

function cached<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let entry = cache.get(key);
  if (entry === undefined) {
    if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value ?? '');
    entry = make();
    cache.set(key, entry);
    entry.catch(() => cache.delete(key)); // never keep a failure around
  }
  return entry;
}

async function makeVerifier(publicKey: Uint8Array): Promise<Verifier> {
  const byNoble: Verifier = async (signature, message) =>
    (await loadNoble()).verifyAsync(signature, message, publicKey, { zip215: false });
  const subtle = webCrypto();
  if (subtle === undefined) return byNoble;
  let key: SubtleKey;
  try {
    key = await subtle.importKey('raw', publicKey, ED25519, false, ['verify']);
  } catch (error) {
    noteFailure(error);
    return byNoble; // unsupported engine, or a key WebCrypto won't take: noble decides
  }
  return async (signature, message) => {
    try {
      return await subtle.verify(ED25519, key, signature, message);
    } catch (error) {
      noteFailure(error);
      return byNoble(signature, message);
    }
  };
}

/** True when `signature` is `publicKey`'s (raw 32 bytes) Ed25519 signature of `message`. */
export async function verifySignature(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  cacheKey: string,
): Promise<boolean> {
  const verify = await cached(verifiers, cacheKey, () => makeVerifier(publicKey));
  return verify(signature, message);
}

async function makeSigner(pkcs8: Uint8Array): Promise<Signer> {
  const subtle = webCrypto();
  if (subtle !== undefined) {
    try {
      const key = await subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
      return async (message) => new Uint8Array(await subtle.sign(ED25519, key, message));
    } catch (error) {
      if (!isNotSupported(error)) throw error;
      noteFailure(error);
    }
  }
  const seed = seedFromPkcs8(pkcs8);
  if (seed === null) throw new TypeError('privateKey is not an Ed25519 PKCS#8 key');
  return async (message) => (await loadNoble()).signAsync(message, seed);
}

/** Ed25519 signature (64 bytes) of `message` with a PKCS#8 private key; throws on a bad key. */
export async function signMessage(
  message: Uint8Array,
  pkcs8: Uint8Array,
  cacheKey: string,
): Promise<Uint8Array> {
  const sign = await cached(signers, cacheKey, () => makeSigner(pkcs8));
  return sign(message);
}

/** A fresh key pair: raw 32-byte public key and PKCS#8 private key. */
export async function generateKeyPair(): Promise<{
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}> {
  const subtle = webCrypto();
  if (subtle !== undefined) {
    try {
      const pair = await subtle.generateKey(ED25519, true, ['sign', 'verify']);
      const [raw, pkcs8] = await Promise.all([
        subtle.exportKey('raw', pair.publicKey),
        subtle.exportKey('pkcs8', pair.privateKey),
      ]);
      return { publicKey: new Uint8Array(raw), privateKey: new Uint8Array(pkcs8) };
    } catch (error) {
      if (!isNotSupported(error)) throw error;
      noteFailure(error);
    }
  }
  const noble = await loadNoble();
  const seed = noble.utils.randomSecretKey();
  return { publicKey: await noble.getPublicKeyAsync(seed), privateKey: pkcs8FromSeed(seed) };
}

// PKCS#8 for Ed25519 (RFC 8410): SEQUENCE { version, AlgorithmIdentifier 1.3.101.112,
// OCTET STRING { OCTET STRING seed } } — a fixed 16-byte header, then the 32-byte seed.
const PKCS8_HEADER = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/** The PKCS#8 form WebCrypto exports, built from a 32-byte seed. */
export function pkcs8FromSeed(seed: Uint8Array): Uint8Array {
  const out = new Uint8Array(PKCS8_HEADER.length + 32);
  out.set(PKCS8_HEADER);
  out.set(seed, PKCS8_HEADER.length);
  return out;
}

/** The 32-byte seed of an Ed25519 PKCS#8 key (v1, or v2 carrying the public key too), else null. */
export function seedFromPkcs8(pkcs8: Uint8Array): Uint8Array | null {
  if (pkcs8.length < 48 || pkcs8[0] !== 0x30 || pkcs8[1] !== pkcs8.length - 2) return null;
  for (let i = 2; i < PKCS8_HEADER.length; i++) {
    // byte 4 is the version: 0 (v1) or 1 (v2, OneAsymmetricKey)
    const ok = i === 4 ? pkcs8[i] === 0 || pkcs8[i] === 1 : pkcs8[i] === PKCS8_HEADER[i];
    if (!ok) return null;
  }
  return pkcs8.slice(16, 48);
}
