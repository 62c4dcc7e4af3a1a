// Eligibility in words, Indonesian first: why someone is not eligible, what is wrong with a rule,
// and the rule itself. The one place these are worded (page, exports, recap).
import type { Bilingual } from '../messages.js';
import type { EligibilityRule, IneligibleReason, RuleProblem, SessionRef } from './eligibility.js';

export function reasonWords(r: IneligibleReason): Bilingual {
  switch (r.kind) {
    case 'absent':
      return { id: `tidak hadir: ${r.sessionName}`, en: `absent: ${r.sessionName}` };
    case 'too-few':
      return {
        id: `hadir ${r.attended} sesi, syaratnya minimal ${r.needed}`,
        en: `attended ${r.attended} sessions, at least ${r.needed} required`,
      };
    case 'no-sessions':
      return { id: 'gelombang ini belum punya sesi', en: 'this wave has no sessions yet' };
    case 'cancelled':
      return { id: 'peserta dibatalkan', en: 'participant cancelled' };
  }
}

export function ruleProblemWords(p: RuleProblem): Bilingual {
  switch (p.kind) {
    case 'unknown-session':
      return {
        id: 'Salah satu sesi wajib sudah dihapus; syarat itu diabaikan. Simpan ulang syaratnya.',
        en: 'A mandatory session was deleted; that requirement is ignored. Save the rule again.',
      };
    case 'no-sessions':
      return {
        id: 'Gelombang ini belum punya sesi, jadi belum ada yang bisa berhak sertifikat.',
        en: 'This wave has no sessions yet, so nobody can be eligible.',
      };
    case 'needs-more-than-exist':
      return {
        id: `Syarat minimal ${p.needed} sesi, padahal gelombang ini hanya punya ${p.sessions} sesi.`,
        en: `The rule asks for at least ${p.needed} sessions but the wave has only ${p.sessions}.`,
      };
  }
}

/** "hadir di semua sesi; wajib: Hari 2 — Siang" */
export function ruleWords(rule: EligibilityRule, sessions: readonly SessionRef[]): Bilingual {
  const id: string[] = [];
  const en: string[] = [];
  if (rule.all) {
    id.push('hadir di semua sesi');
    en.push('attend every session');
  }
  if (rule.atLeast !== null) {
    id.push(`hadir minimal ${rule.atLeast} dari ${sessions.length} sesi`);
    en.push(`attend at least ${rule.atLeast} of ${sessions.length} sessions`);
  }
  const names = rule.mandatory.flatMap((m) => sessions.find((s) => s.id === m)?.name ?? []);
  if (names.length > 0) {
    id.push(`wajib: ${names.join(', ')}`);
    en.push(`mandatory: ${names.join(', ')}`);
  }
  return { id: id.join('; '), en: en.join('; ') };
}
