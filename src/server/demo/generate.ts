// Deterministic demo participants for "Muat acara contoh": realistic names, businesses, phones,
// NIKs and emails, unique by phone and NIK across both waves.
import { normalizePhone } from '../../shared/roster/phone.js';
import { demoBusiness } from './businesses.js';
import { DEMO_EVENT } from './event.js';
import { demoName } from './names.js';
import type { DemoName } from './names.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';

export { DEMO_EVENT } from './event.js';
export type { DemoSession, DemoWave } from './event.js';

/** One generated participant, in the shape the roster import produces. */
export interface DemoParticipant {
  name: string;
  business: string;
  /** E.164 */
  phone: string;
  email: string | null;
  nik: string | null;
}

// Telkomsel, Indosat, XL, Axis, Smartfren and Tri prefixes.
const MOBILE_PREFIXES = (
  '0811 0812 0813 0821 0822 0823 0852 0853 0814 0815 0816 0855 0856 0857 0858 0817 0818 ' +
  '0819 0859 0877 0878 0831 0832 0838 0881 0882 0887 0888 0895 0896 0897 0898 0899'
).split(' ');

// Tangerang Selatan is 36.74; its seven kecamatan are 01–07.
const NIK_CITY = '3674';

// Reserved by RFC 2606, so a mail-merge of demo data can never reach a real inbox.
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function demoPhone(rng: Rng): string {
  const digits = Array.from({ length: rng.chance(0.85) ? 8 : 7 }, () => rng.int(0, 9)).join('');
  const phone = normalizePhone(`${rng.pick(MOBILE_PREFIXES)}${digits}`);
  if (!phone) throw new Error('demo phone did not normalise');
  return phone;
}

// 16 digits: city, kecamatan, birth date (day + 40 for women), a 4-digit serial.
function demoNik(rng: Rng, person: DemoName): string {
  const day = rng.int(1, 28) + (person.gender === 'f' ? 40 : 0);
  const year = rng.int(1958, 2004) % 100;
  return `${NIK_CITY}${pad(rng.int(1, 7), 2)}${pad(day, 2)}${pad(rng.int(1, 12), 2)}${pad(year, 2)}${pad(rng.int(1, 2999), 4)}`;
}

function emailLocal(rng: Rng, person: DemoName, business: string): string {
  const ascii = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const given = ascii(person.given);
  const family = person.family ? ascii(person.family) : '';
  switch (rng.int(0, 4)) {
    case 0:
      return family ? `${given}.${family}` : given;
    case 1:
      return `${given}${family}${rng.int(60, 99)}`;
    case 2:
      return family ? `${given}_${family.slice(0, 1)}` : `${given}${rng.int(1, 999)}`;
    case 3:
      return `${given}${rng.int(1, 2026)}`;
    default:
      return ascii(business).slice(0, 24);
  }
}

/**
 * Generates `count` participants from `seed`; the same arguments give the same people. Phones and
 * NIKs are unique within the result and never collide with `avoid` (another wave's people).
 * About 80% have a NIK and 40% an email.
 */
export function generateDemoParticipants(opts: {
  count: number;
  seed: number;
  avoid?: { phones?: Iterable<string>; niks?: Iterable<string> };
}): DemoParticipant[] {
  const rng = createRng(opts.seed);
  const phones = new Set(opts.avoid?.phones ?? []);
  const niks = new Set(opts.avoid?.niks ?? []);
  const emails = new Set<string>();
  const out: DemoParticipant[] = [];
  const fresh = (set: Set<string>, make: () => string): string => {
    for (;;) {
      const value = make();
      if (!set.has(value)) {
        set.add(value);
        return value;
      }
    }
  };
  for (let i = 0; i < opts.count; i++) {
    const person = demoName(rng);
    const business = demoBusiness(rng, person);
    const phone = fresh(phones, () => demoPhone(rng));
    const nik = rng.chance(0.8) ? fresh(niks, () => demoNik(rng, person)) : null;
    let email: string | null = null;
    if (rng.chance(0.4)) {
      const local = emailLocal(rng, person, business) || `peserta${i + 1}`;
      const domain = rng.pick(EMAIL_DOMAINS);
      email = fresh(emails, () =>
        emails.has(`${local}@${domain}`)
          ? `${local}${rng.int(1, 9999)}@${domain}`
          : `${local}@${domain}`,
      );
    }
    out.push({ name: person.name, business, phone, email, nik });
  }
  return out;
}

/** The demo roster: wave 1's 382 and wave 2's 400 people, no phone or NIK in both. */
export function generateDemoRoster(): { wave1: DemoParticipant[]; wave2: DemoParticipant[] } {
  const [w1, w2] = DEMO_EVENT.waves;
  const wave1 = generateDemoParticipants({ count: w1.participants, seed: 20261208 });
  const wave2 = generateDemoParticipants({
    count: w2.participants,
    seed: 20261215,
    avoid: {
      phones: wave1.map((p) => p.phone),
      niks: wave1.flatMap((p) => (p.nik ? [p.nik] : [])),
    },
  });
  return { wave1, wave2 };
}
