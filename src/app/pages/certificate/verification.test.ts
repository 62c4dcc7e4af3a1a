// The verification's steps: proven offline from kept keys (revocation unchecked), keys refreshed
// when the server answers, an unknown key learnt online, the standing asked, and tickets and
// forgeries refused without asking anything.
import { describe, expect, it } from 'vitest';
import type { CertificateStatusAnswer } from '../../../shared/api/certificates';
import type { CertificatePayload } from '../../../shared/certificate/token';
import { signCertificate } from '../../../shared/certificate/token';
import { generateEventKey } from '../../../shared/ticket/crypto';
import type { KeptKey } from '../../certificate-store/kept-certificates';
import type { Answer } from './certificate-api';
import type { VerificationDeps, VerifyState } from './verification';
import { verificationSteps } from './verification';

const key = await generateEventKey();
const kept: KeptKey = { kid: key.kid, publicKey: key.publicKey, eventName: 'Pelatihan' };
const payload: CertificatePayload = {
  kid: key.kid,
  id: 'CERT1',
  number: '001/X/2026',
  participantId: 'P1',
  name: 'Siti Aminah',
  business: 'Keripik',
  programme: 'Pelatihan',
  wave: 'Gelombang 1',
  venue: 'Aula',
  from: '2026-12-08',
  to: '2026-12-08',
  issuedAt: '2026-12-10T03:00:00.000Z',
  version: 1,
};
const token = await signCertificate(payload, key);
const revoked: CertificateStatusAnswer = {
  id: 'CERT1',
  status: 'revoked',
  version: 1,
  newestVersion: 1,
  revokeReason: 'Data salah',
  revokedAt: '2026-12-11T00:00:00.000Z',
};

function world(opts: {
  kept: KeptKey[];
  server: KeptKey[] | null;
  status: Answer<CertificateStatusAnswer>;
}) {
  const calls: string[] = [];
  let stored = opts.kept;
  const deps: VerificationDeps = {
    keptKeys: () => stored,
    keepKeys: (keys) => void (stored = keys),
    fetchKeys: async () => (calls.push('keys'), opts.server),
    fetchStatus: async (id) => (calls.push(`status ${id}`), opts.status),
  };
  return { deps, calls, stored: () => stored };
}

async function steps(text: string, deps: VerificationDeps): Promise<VerifyState[]> {
  const out: VerifyState[] = [];
  for await (const s of verificationSteps(text, deps)) out.push(s);
  return out;
}

const last = (all: VerifyState[]) => all.at(-1)!;
const standingOf = (s: VerifyState) => (s.kind === 'genuine' ? s.standing : null);

describe('verification steps', () => {
  it('offline with kept keys: genuine, revocation unchecked', async () => {
    const w = world({ kept: [kept], server: null, status: { kind: 'unreachable' } });
    const all = await steps(token, w.deps);
    expect(all.map((s) => s.kind)).toEqual(['checking', 'genuine', 'genuine']);
    expect(standingOf(all[1]!)).toEqual({ kind: 'checking' });
    expect(standingOf(last(all))).toEqual({ kind: 'unchecked' });
  });

  it('online: genuine and revoked with the reason; the keys are kept', async () => {
    const w = world({ kept: [], server: [kept], status: { kind: 'ok', value: revoked } });
    const all = await steps(`https://hadir.example/v#${token}`, w.deps);
    expect(last(all)).toMatchObject({ kind: 'genuine', token, payload });
    expect(standingOf(last(all))).toEqual({
      kind: 'revoked',
      reason: 'Data salah',
      at: revoked.revokedAt,
    });
    expect(w.stored()).toEqual([kept]);
  });

  it('a key never seen and no network: refused as unknown, in words', async () => {
    const w = world({ kept: [], server: null, status: { kind: 'unreachable' } });
    const end = last(await steps(token, w.deps));
    expect(end.kind === 'refused' && end.check.reason).toBe('unknown-key');
    expect(end.kind === 'refused' && end.check.message.id).toMatch(/kunci yang tidak dikenal/);
    expect(w.calls).toEqual(['keys']);
  });

  it('a certificate the server no longer knows: genuine, not on record', async () => {
    const w = world({ kept: [kept], server: [kept], status: { kind: 'unknown' } });
    expect(standingOf(last(await steps(token, w.deps)))).toEqual({ kind: 'not-found' });
  });

  it('a ticket or a damaged code is refused without asking the server', async () => {
    // The token module refuses any `H1.` text as a ticket (its own tests sign real ones).
    for (const [text, reason] of [
      ['H1.ABCDEFGHJKLMNPQRSTUVWXYZ.234567', 'a-ticket'],
      ['HS1.rusak', 'not-a-certificate'],
    ] as const) {
      const w = world({ kept: [kept], server: [kept], status: { kind: 'unreachable' } });
      const end = last(await steps(text, w.deps));
      expect(end.kind === 'refused' && end.check.reason).toBe(reason);
      expect(w.calls).toEqual([]);
    }
  });

  it('a forged signature is refused, an empty text asks for a code', async () => {
    const at = token.lastIndexOf('.') + 10;
    const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    const w = world({ kept: [kept], server: [kept], status: { kind: 'unreachable' } });
    const end = last(await steps(forged, w.deps));
    expect(end.kind === 'refused' && end.check.reason).toBe('bad-signature');
    expect(await steps('  ', w.deps)).toEqual([{ kind: 'empty' }]);
  });
});
