// The few WebCrypto calls tickets need, typed here because src/shared compiles without DOM or Node
// types. The object itself is globalThis.crypto.subtle in browsers, service workers and Node 20.

/** An opaque WebCrypto key handle. */
export interface SubtleKey {
  readonly type: string;
}

const ED25519 = { name: 'Ed25519' } as const;
export type Ed25519Algorithm = typeof ED25519;

/** The subset of SubtleCrypto used for Ed25519 tickets. */
export interface SubtleEd25519 {
  generateKey(
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<{ publicKey: SubtleKey; privateKey: SubtleKey }>;
  importKey(
    format: 'raw' | 'pkcs8',
    keyData: Uint8Array,
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<SubtleKey>;
  exportKey(format: 'raw' | 'pkcs8', key: SubtleKey): Promise<ArrayBuffer>;
  sign(algorithm: Ed25519Algorithm, key: SubtleKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: Ed25519Algorithm,
    key: SubtleKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

/** The algorithm parameter for every Ed25519 call. */
export const ed25519Algorithm: Ed25519Algorithm = ED25519;

/** globalThis.crypto.subtle, or undefined outside a secure context (plain http pages). */
export function subtleCrypto(): SubtleEd25519 | undefined {
  const g = globalThis as unknown as { crypto?: { subtle?: SubtleEd25519 } };
  return g.crypto?.subtle;
}

/** True when the error means "this engine has no Ed25519", not "this key or input is bad". */
export function isNotSupported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error
    ? error.name === 'NotSupportedError'
    : false;
}
