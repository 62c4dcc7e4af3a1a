// The programme the demo loads: the Tangsel UMKM and cooperative training of December 2026.

const mapsSearch = (q: string) =>
  `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(q)}`;

const WAVE1_ADDRESS =
  'Jl. Maruga No. 1, Ciater, Kec. Serpong, Kota Tangerang Selatan, Banten 15310';
// Balai Kota stands in the same Puspemkot complex on Jl. Maruga; the address is plausible demo data.
const WAVE2_ADDRESS =
  'Jl. Maruga Raya No. 1, Ciater, Kec. Serpong, Kota Tangerang Selatan, Banten 15310';

/** A check-in point in time inside a wave. */
export interface DemoSession {
  name: string;
  startsAt: string;
  endsAt: string;
}

/** A wave as the demo creates it; `key` matches generateDemoRoster's keys. */
export interface DemoWave {
  key: 'wave1' | 'wave2';
  name: string;
  venue: string;
  address: string;
  mapUrl: string;
  startsAt: string;
  endsAt: string;
  /** How many participants generateDemoRoster gives this wave. */
  participants: number;
  sessions: readonly DemoSession[];
}

// One training day, 08:00–16:00 WIB, checked in twice: morning and after the lunch break.
function day(date: string): Pick<DemoWave, 'startsAt' | 'endsAt' | 'sessions'> {
  const at = (hm: string) => `${date}T${hm}:00+07:00`;
  return {
    startsAt: at('08:00'),
    endsAt: at('16:00'),
    sessions: [
      { name: 'Hari 1 — Pagi', startsAt: at('08:00'), endsAt: at('12:00') },
      { name: 'Hari 1 — Siang', startsAt: at('13:00'), endsAt: at('16:00') },
    ],
  };
}

/** The demo event: its name and two waves with venues, times and sessions. */
export const DEMO_EVENT: {
  readonly name: string;
  readonly timeZone: string;
  readonly waves: readonly [DemoWave, DemoWave];
} = {
  name: 'Pelatihan dan Sertifikasi UMKM dan Koperasi Tangsel 2026',
  timeZone: 'Asia/Jakarta',
  waves: [
    {
      key: 'wave1',
      name: 'Gelombang 1',
      venue: 'Aula Blandongan, Puspemkot Tangsel',
      address: WAVE1_ADDRESS,
      mapUrl: mapsSearch(`Aula Blandongan, Puspemkot Tangsel, ${WAVE1_ADDRESS}`),
      participants: 382,
      ...day('2026-12-08'),
    },
    {
      key: 'wave2',
      name: 'Gelombang 2',
      venue: 'Balaikota Tangsel',
      address: WAVE2_ADDRESS,
      mapUrl: mapsSearch(`Balaikota Tangsel, ${WAVE2_ADDRESS}`),
      participants: 400,
      ...day('2026-12-15'),
    },
  ],
};
