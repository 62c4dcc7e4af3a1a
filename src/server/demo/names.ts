// Names as they appear on a Tangerang Selatan roster: Javanese, Sundanese, Betawi,
// Chinese-Indonesian (including Cina Benteng three-part names), Arabic-origin, Batak and Minang;
// with the haji titles, academic degrees and apostrophes real rosters carry.
import type { Rng } from './prng.js';

/** The origin of a name, which also picks the honorific in a business name ("Teh Euis"). */
export type NameOrigin =
  'javanese' | 'sundanese' | 'betawi' | 'chinese' | 'arabic' | 'batak' | 'minang';
/** A person's gender as the name pools know it; it picks names and honorifics (Bu/Pak, Hj./H.). */
export type Gender = 'f' | 'm';

interface Pool {
  given: Record<Gender, readonly string[]>;
  family: Record<Gender, readonly string[]>;
}

const words = (s: string): string[] => s.split(',').map((w) => w.trim());

const POOLS: Record<NameOrigin, Pool> = {
  javanese: {
    given: {
      m: words(
        'Budi, Slamet, Sutrisno, Joko, Agus, Bambang, Heru, Wahyu, Eko, Dwi, Teguh, Suryadi, Sugeng, Rudi, Bayu, Arif, Yudi, Wiji, Sigit, Anton',
      ),
      f: words(
        'Sri, Endang, Wulan, Dewi, Ratna, Rini, Sulastri, Suharti, Kartini, Tri, Puji, Sumiati, Yuliani, Murni, Sekar, Retno, Indah, Ayu',
      ),
    },
    family: {
      m: words(
        'Santoso, Wibowo, Prasetyo, Nugroho, Susilo, Purnomo, Setiawan, Kurniawan, Hartono, Widodo, Saputra, Utomo, Handoko, Raharjo, Wicaksono',
      ),
      f: words(
        'Lestari, Wahyuni, Rahayu, Handayani, Astuti, Susanti, Wulandari, Pratiwi, Maryani, Ningsih, Rahmawati, Purwanti, Setyaningsih',
      ),
    },
  },
  sundanese: {
    given: {
      m: words(
        'Asep, Ujang, Cecep, Dede, Dadang, Encep, Iwan, Ade, Deden, Yayan, Wawan, Jajang, Acep, Usep, Rahmat, Enjang',
      ),
      f: words(
        'Euis, Neneng, Imas, Cucu, Enok, Popon, Nining, Titin, Iis, Yeti, Lilis, Nenden, Ai, Elis, Nia, Tati',
      ),
    },
    family: {
      m: words(
        'Saepudin, Sunandar, Hidayat, Suhendar, Supriatna, Kusnadi, Permana, Gumilar, Sutisna, Sopian, Mulyana, Ruhiyat, Kurnia',
      ),
      f: words(
        'Kurniasih, Nurhayati, Rosita, Komariah, Rohaeti, Sumarni, Mulyani, Juhaeni, Suryani, Rostika, Cahyati',
      ),
    },
  },
  betawi: {
    given: {
      m: words(
        'Mamat, Rohmat, Sanusi, Muhidin, Jaelani, Sabeni, Husin, Ridwan, Zaenal, Rojali, Mursid, Bokir, Mardani, Ipul',
      ),
      f: words(
        'Ipeh, Rohani, Saenah, Munah, Juleha, Romlah, Aminah, Rodiah, Zaenab, Mumun, Saodah, Nafisah',
      ),
    },
    family: {
      m: words(
        "Sanusi, Jaelani, Ridwan, Hasbullah, Nawawi, Rosidi, Syafi'i, Mahmud, Bahrudin, Sarmili",
      ),
      f: words('Fatmawati, Maemunah, Rohayati, Sarinah, Jubaedah, Hasanah, Nurjanah'),
    },
  },
  chinese: {
    given: {
      m: words(
        'Hendra, Yohanes, Andreas, Steven, Kevin, Herman, Hendrik, Wilson, Johan, Ferry, Sugianto, Hartanto, Rudy, Albert',
      ),
      f: words(
        'Linda, Lili, Meliana, Susan, Fransiska, Veronika, Lisa, Shinta, Jessica, Yenny, Cynthia, Mega, Mei Ling, Natalia',
      ),
    },
    family: {
      m: words(
        'Wijaya, Halim, Gunawan, Tanoto, Kusuma, Santoso, Salim, Hartono, Tjandra, Susanto, Setiadi, Sutanto, Widjaja, Chandra, Tanujaya',
      ),
      f: words(
        'Wijaya, Halim, Gunawan, Kusuma, Salim, Tjandra, Susanto, Setiadi, Widjaja, Chandra, Lukito, Tanuwijaya',
      ),
    },
  },
  arabic: {
    given: {
      m: words(
        "Ahmad, Muhammad, Abdul Rahman, Abdullah, Syarif, Ma'ruf, Fadhil, Ikhsan, Syamsul, Hasan, Husein, Zainal, Fauzan, Mu'min, Rizki, Fikri, Taufik, Fu'ad, Nur",
      ),
      f: words(
        "Siti, Nur'aini, Fatimah, Aisyah, Khadijah, Zainab, Fauziah, Nurul, Annisa, Halimah, Maryam, Syifa, Mu'minah, Laila, Ni'mah, Rabi'ah",
      ),
    },
    family: {
      m: words(
        "Syarifuddin, Hidayatullah, Fauzi, Rahman, Hakim, Ma'ruf, Abdillah, Alatas, Assegaf, Ramadhan, Firdaus, Ilyas, Kurniawan",
      ),
      f: words(
        "Aminah, Rahmawati, Nurjanah, Fitriani, Hasanah, Zahra, Maulida, Sa'adah, Mardhiyah, Nurhaliza",
      ),
    },
  },
  batak: {
    given: {
      m: words('Togar, Parlindungan, Hotman, Martua, Poltak, Binsar, Jonner, Sahat, Rizal, Yusuf'),
      f: words('Butet, Rosmawati, Tiurma, Dameria, Lamria, Sarma, Nurmala, Rina'),
    },
    family: {
      m: words(
        'Siregar, Nasution, Harahap, Lubis, Simanjuntak, Sitompul, Hutapea, Pardede, Sinaga, Panjaitan',
      ),
      f: words(
        'Siregar, Nasution, Harahap, Lubis, Simanjuntak, Sitompul, Hutapea, Pardede, Sinaga, Panjaitan',
      ),
    },
  },
  minang: {
    given: {
      m: words('Syahrial, Hendri, Afrizal, Yulizar, Zulkifli, Irwan, Novrizal, Rusli'),
      f: words('Yanti, Fitri, Desi, Rahmi, Elvira, Yusnita, Nelvi, Suci'),
    },
    family: {
      m: words('Tanjung, Chaniago, Koto, Piliang, Sikumbang, Caniago, Jambak'),
      f: words('Tanjung, Chaniago, Koto, Piliang, Sikumbang, Yusran, Jamal'),
    },
  },
};

// Tangsel's mix: many Betawi and Sundanese locals, Javanese newcomers, a Cina Benteng community.
const ORIGIN_WEIGHTS: Record<NameOrigin, number> = {
  javanese: 28,
  sundanese: 20,
  betawi: 16,
  arabic: 16,
  chinese: 10,
  batak: 5,
  minang: 5,
};

// Older Cina Benteng names keep the three-syllable Hokkien form.
const HOKKIEN_FAMILY = words('Tan, Lie, Oey, Lim, Tjoa, Go, Kwee, Liem, The, Ong');
const HOKKIEN_SYLLABLE = words(
  'Hock, Seng, Kim, Hwa, Swie, Lan, Tjin, Bie, Hong, Gwan, Liang, Nio, Ing, Tjoen',
);
const DEGREES = words('S.E., S.Pd., S.Kom., S.Sos., S.H., M.M., A.Md., S.T., S.Ag.');

/** A generated person: the full name as it goes on the roster, and what a business name needs. */
export interface DemoName {
  name: string;
  given: string;
  /** What neighbours call them, for "Keripik Tempe Bu Siti". */
  shortName: string;
  family: string | null;
  origin: NameOrigin;
  gender: Gender;
}

/** One realistic name with the occasional title, degree or apostrophe. */
export function demoName(rng: Rng): DemoName {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const gender: Gender = rng.chance(0.55) ? 'f' : 'm';
  const pool = POOLS[origin];
  let given = rng.pick(pool.given[gender]);
  let family: string | null = rng.chance(0.9) ? rng.pick(pool.family[gender]) : null;
  if (origin === 'chinese' && rng.chance(0.2)) {
    given = `${rng.pick(HOKKIEN_SYLLABLE)} ${rng.pick(HOKKIEN_SYLLABLE)}`;
    family = rng.pick(HOKKIEN_FAMILY);
    return { name: `${family} ${given}`, given, shortName: given, family, origin, gender };
  }
  if (family === given) family = null;
  let name = family ? `${given} ${family}` : given;
  if (origin !== 'chinese' && origin !== 'batak' && rng.chance(0.08)) {
    name = `${gender === 'f' ? 'Hj.' : 'H.'} ${name}`;
  }
  const roll = rng.next();
  if (roll < 0.02) name = `Dr. ${name}`;
  else if (roll < 0.035 && gender === 'm') name = `Ir. ${name}`;
  // "Ir." is itself the degree; everyone else may carry one after the name.
  const engineer = name.startsWith('Ir. ');
  if (rng.chance(0.08) && !engineer) name = `${name}, ${rng.pick(DEGREES)}`;
  // Two-word given names are said whole ("Abdul Rahman", "Mei Ling").
  return { name, given, shortName: given, family, origin, gender };
}
