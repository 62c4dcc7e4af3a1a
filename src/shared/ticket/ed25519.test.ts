import { afterEach, describe, expect, it, vi } from 'vitest';
import { __setForceNobleForTests, generateEventKey, signTicket, verifyTicket } from './crypto.js';
import { decodeBase64Url } from './base64url.js';
import { pkcs8FromSeed, seedFromPkcs8 } from './ed25519.js';
import { subtleCrypto } from './webcrypto.js';

const notSupported = (): Error =>
  Object.assign(new Error('Unrecognized algorithm name'), { name: 'NotSupportedError' });

describe('an engine without WebCrypto Ed25519', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    __setForceNobleForTests(false); // also forgets that Ed25519 was "unsupported"
  });

  it('falls back to @noble/ed25519 for keys, signing and verifying', async () => {
    __setForceNobleForTests(false);
    const subtle = subtleCrypto();
    if (subtle === undefined) throw new Error('test needs crypto.subtle');
    const importKey = vi.spyOn(subtle, 'importKey').mockRejectedValue(notSupported());
    vi.spyOn(subtle, 'generateKey').mockRejectedValue(notSupported());
    const verify = vi.spyOn(subtle, 'verify');

    const key = await generateEventKey();
    const payload = {
      kid: key.kid,
      participantId: 'L'.repeat(16),
      waveId: 'M'.repeat(8),
      version: 2,
    };
    const token = await signTicket(payload, key);
    const publicKey = { kid: key.kid, publicKey: key.publicKey };
    expect(await verifyTicket(token, [publicKey])).toEqual({ ok: true, payload });
    const impostor = { kid: key.kid, publicKey: (await generateEventKey()).publicKey };
    expect(await verifyTicket(token, [impostor])).toMatchObject({ reason: 'bad-signature' });
    expect(verify).not.toHaveBeenCalled();
    // After the first NotSupportedError it stops asking WebCrypto.
    const importCalls = importKey.mock.calls.length;
    const again = await generateEventKey();
    await signTicket({ ...payload, kid: again.kid }, again);
    expect(importKey.mock.calls.length).toBe(importCalls);

    // The PKCS#8 built by the fallback is what real WebCrypto accepts, and it signs identically.
    vi.restoreAllMocks();
    __setForceNobleForTests(false);
    expect(await signTicket(payload, key)).toBe(token);
    expect(await verifyTicket(token, [publicKey])).toEqual({ ok: true, payload });
  });
});

describe('PKCS#8 seeds', () => {
  it('round-trips a seed through the PKCS#8 form WebCrypto exports', async () => {
    const key = await generateEventKey();
    const pkcs8 = decodeBase64Url(key.privateKey);
    if (pkcs8 === null) throw new Error('bad privateKey');
    const seed = seedFromPkcs8(pkcs8);
    expect(seed).toHaveLength(32);
    if (seed !== null) expect(pkcs8FromSeed(seed)).toEqual(pkcs8);
  });

  it('reads the v2 form that also carries the public key, and rejects junk', () => {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
    const v1 = pkcs8FromSeed(seed);
    const v2 = new Uint8Array(83);
    v2.set(v1);
    v2[1] = 0x51;
    v2[4] = 1;
    v2.set([0x81, 0x21, 0x00], 48);
    expect(seedFromPkcs8(v2)).toEqual(seed);
    expect(seedFromPkcs8(v1.subarray(0, 47))).toBeNull();
    const wrongCurve = v1.slice();
    wrongCurve[11] = 0x6e; // 1.3.101.110 is X25519
    expect(seedFromPkcs8(wrongCurve)).toBeNull();
    expect(seedFromPkcs8(new Uint8Array(48))).toBeNull();
  });
});
