import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { EventPublicKey, EventSigningKey } from './crypto.js';
import { __setForceNobleForTests, generateEventKey, signTicket, verifyTicket } from './crypto.js';
import { decodeBase64Url } from './base64url.js';
import { parseTicket, formatTicket } from './codec.js';
import { payloadArb } from './test-arbitraries.js';
import { subtleCrypto } from './webcrypto.js';

const publicOf = (k: EventSigningKey): EventPublicKey => ({ kid: k.kid, publicKey: k.publicKey });
const ENGINES = [
  { engine: 'WebCrypto', forceNoble: false, runs: 300 },
  { engine: '@noble/ed25519 fallback', forceNoble: true, runs: 100 },
];

describe.each(ENGINES)('tickets with $engine', ({ forceNoble, runs }) => {
  let key: EventSigningKey;
  let other: EventSigningKey;

  beforeAll(async () => {
    __setForceNobleForTests(forceNoble);
    [key, other] = await Promise.all([generateEventKey(), generateEventKey()]);
  });
  afterAll(() => __setForceNobleForTests(false));

  it('generates keys in the documented shape', () => {
    expect(key.kid).toMatch(/^[A-Z2-7]{8}$/);
    expect(decodeBase64Url(key.publicKey)).toHaveLength(32);
    expect(decodeBase64Url(key.privateKey)).toHaveLength(48);
    expect(key.publicKey).not.toMatch(/[=+/]/);
    expect(other.kid).not.toBe(key.kid);
  });

  it('verifies what it signs, for any payload', async () => {
    const subtle = subtleCrypto();
    if (subtle === undefined) throw new Error('test needs crypto.subtle');
    const webVerify = vi.spyOn(subtle, 'verify');
    await fc.assert(
      fc.asyncProperty(payloadArb(key.kid), async (payload) => {
        const token = await signTicket(payload, key);
        expect(token).toMatch(/^H1\.[A-Z2-7]{37}\.[A-Z2-7]{103}$/);
        expect(await verifyTicket(token, [publicOf(other), publicOf(key)])).toEqual({
          ok: true,
          payload,
        });
      }),
      { numRuns: runs },
    );
    // Proves which engine ran: WebCrypto verified every ticket, or none at all.
    expect(webVerify.mock.calls.length).toBe(forceNoble ? 0 : runs);
    webVerify.mockRestore();
  });

  it('rejects every single-character change, for any payload', async () => {
    const substitutes = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670189.-/: #=';
    await fc.assert(
      fc.asyncProperty(
        payloadArb(key.kid),
        fc.nat(),
        fc.constantFrom(...substitutes),
        async (payload, at, char) => {
          const token = await signTicket(payload, key);
          const i = at % token.length;
          fc.pre(token[i] !== char);
          const changed = token.slice(0, i) + char + token.slice(i + 1);
          const result = await verifyTicket(changed, [publicOf(key)]);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: runs * 5 },
    );
  });

  it('rejects a forged signature with bad-signature and another key with unknown-key', async () => {
    const payload = {
      kid: key.kid,
      participantId: 'A'.repeat(16),
      waveId: 'B'.repeat(8),
      version: 3,
    };
    const token = await signTicket(payload, key);
    // Same kid string, different key: the other event (or an attacker) reused our kid.
    const impostor = { kid: key.kid, publicKey: other.publicKey };
    const sameKid = await verifyTicket(token, [impostor]);
    expect(sameKid).toMatchObject({ ok: false, reason: 'bad-signature' });
    if (!sameKid.ok) {
      expect(sameKid.problem.code).toBe('bad-signature');
      expect(sameKid.problem.message.id).toBe('Tiket palsu: tanda tangan tidak cocok');
      expect(sameKid.problem.message.en).toBe('Forged ticket: signature does not match');
    }
    // A ticket signed by another event's key (its own kid) at our door.
    const foreign = await signTicket({ ...payload, kid: other.kid }, other);
    const unknown = await verifyTicket(foreign, [publicOf(key)]);
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown-key' });
    if (!unknown.ok) {
      expect(unknown.problem.code).toBe('unknown-key');
      expect(unknown.problem.message.id).toBe('Tiket untuk acara lain atau kunci tidak dikenal');
    }
    expect(await verifyTicket(token, [])).toMatchObject({ reason: 'unknown-key' });
    // The genuine key beside an impostor with the same kid still proves the ticket.
    expect(await verifyTicket(token, [impostor, publicOf(key)])).toMatchObject({ ok: true });
  });

  it('rejects a malleated signature (S + L), which names the same point', async () => {
    const payload = {
      kid: key.kid,
      participantId: 'C'.repeat(16),
      waveId: 'D'.repeat(8),
      version: 0,
    };
    const parsed = parseTicket(await signTicket(payload, key));
    if (!parsed.ok) throw new Error('fresh ticket did not parse');
    const signature = parsed.signature.slice();
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian, added to S (bytes 32..63).
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let carry = 0n;
    for (let i = 0; i < 32; i++) {
      const sum = BigInt(signature[32 + i] ?? 0) + ((L >> BigInt(8 * i)) & 0xffn) + carry;
      signature[32 + i] = Number(sum & 0xffn);
      carry = sum >> 8n;
    }
    expect(carry).toBe(0n);
    const malleated = formatTicket(parsed.payloadBytes, signature);
    expect(await verifyTicket(malleated, [publicOf(key)])).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('treats unusable key material as an unknown key, without throwing', async () => {
    const payload = {
      kid: key.kid,
      participantId: 'E'.repeat(16),
      waveId: 'F'.repeat(8),
      version: 1,
    };
    const token = await signTicket(payload, key);
    for (const publicKey of ['', 'not base64!', key.publicKey.slice(1), `${key.publicKey}AA`]) {
      expect(await verifyTicket(token, [{ kid: key.kid, publicKey }])).toMatchObject({
        ok: false,
        reason: 'unknown-key',
      });
    }
    const zeros = 'A'.repeat(43); // 32 zero bytes: a degenerate point, never a valid signer
    expect(await verifyTicket(token, [{ kid: key.kid, publicKey: zeros }])).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });
});

describe('tickets across engines', () => {
  afterAll(() => __setForceNobleForTests(false));

  it('signs byte-identical tokens and cross-verifies (Ed25519 is deterministic)', async () => {
    const key = await generateEventKey();
    const payload = {
      kid: key.kid,
      participantId: 'G'.repeat(16),
      waveId: 'H'.repeat(8),
      version: 9,
    };
    __setForceNobleForTests(false);
    const byWebCrypto = await signTicket(payload, key);
    __setForceNobleForTests(true);
    const byNoble = await signTicket(payload, key);
    expect(byNoble).toBe(byWebCrypto);
    expect(await verifyTicket(byWebCrypto, [publicOf(key)])).toMatchObject({ ok: true });
    __setForceNobleForTests(false);
    expect(await verifyTicket(byNoble, [publicOf(key)])).toMatchObject({ ok: true });
  });

  it('refuses to sign a payload for another kid', async () => {
    const key = await generateEventKey();
    const payload = {
      kid: 'AAAAAAAA',
      participantId: 'G'.repeat(16),
      waveId: 'H'.repeat(8),
      version: 9,
    };
    await expect(signTicket(payload, key)).rejects.toThrow(/does not match/);
  });
});

describe('a signed token, changed by hand', () => {
  let key: EventSigningKey;
  let token: string;
  const EXTRA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670189.-/:#=';

  beforeAll(async () => {
    key = await generateEventKey();
    const payload = {
      kid: key.kid,
      participantId: 'J'.repeat(16),
      waveId: 'K'.repeat(8),
      version: 65535,
    };
    token = await signTicket(payload, key);
    expect(await verifyTicket(token, [publicOf(key)])).toMatchObject({ ok: true });
  });

  it('rejects every substitution at every position (exhaustive)', async () => {
    const substitutes = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670189.';
    let tried = 0;
    for (let i = 0; i < token.length; i++) {
      for (const char of substitutes) {
        if (char === token[i]) continue;
        const changed = token.slice(0, i) + char + token.slice(i + 1);
        const result = await verifyTicket(changed, [publicOf(key)]);
        if (result.ok) throw new Error(`accepted ${changed}`);
        tried++;
      }
    }
    expect(tried).toBe(token.length * (substitutes.length - 1));
  });

  it('rejects every truncation and every dropped character', async () => {
    for (let n = 0; n < token.length; n++) {
      expect((await verifyTicket(token.slice(0, n), [publicOf(key)])).ok).toBe(false);
      expect((await verifyTicket(token.slice(n + 1), [publicOf(key)])).ok).toBe(false);
      const dropped = token.slice(0, n) + token.slice(n + 1);
      expect((await verifyTicket(dropped, [publicOf(key)])).ok).toBe(false);
    }
  });

  it('rejects an extra character anywhere', async () => {
    for (let i = 0; i <= token.length; i++) {
      for (const char of EXTRA) {
        const longer = token.slice(0, i) + char + token.slice(i);
        if ((await verifyTicket(longer, [publicOf(key)])).ok) throw new Error(`accepted ${longer}`);
      }
    }
  });

  it('never throws, whatever the text or the key list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const result = await verifyTicket(text, [publicOf(key)]);
        expect(result).toMatchObject({ ok: false, reason: 'not-a-ticket' });
      }),
      { numRuns: 500 },
    );
    const odd = [null, undefined, 5, {}, { kid: key.kid }, { kid: key.kid, publicKey: 7 }];
    const result = await verifyTicket(token, odd as unknown as EventPublicKey[]);
    expect(result).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(await verifyTicket(token, null as unknown as EventPublicKey[])).toMatchObject({
      ok: false,
    });
  });
});
