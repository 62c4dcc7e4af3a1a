// UMKM and cooperatives as they are named in Tangerang Selatan: a product and the owner
// ("Keripik Tempe Bu Siti"), a product and the area ("Batik Ciputat"), a cooperative with a
// hopeful word ("Koperasi Simpan Pinjam Serpong Jaya").
import type { DemoName, Gender, NameOrigin } from './names.js';
import type { Rng } from './prng.js';

const words = (s: string): string[] => s.split(',').map((w) => w.trim());

/** Kecamatan, kelurahan and neighbourhoods of Tangerang Selatan. */
export const TANGSEL_AREAS = words(
  'Serpong, Serpong Utara, Ciputat, Ciputat Timur, Pamulang, Pondok Aren, Setu, Bintaro, BSD, Ciater, Rawa Buntu, Jombang, Pondok Cabe, Pondok Ranji, Benda Baru, Pakulonan, Lengkong, Rempoa, Jurang Mangu, Sawah Baru, Muncul, Babakan, Keranggan, Pisangan, Cempaka Putih, Pondok Kacang, Parigi, Kademangan, Paku Jaya, Cilenggang',
);

const FOOD = words(
  'Keripik Tempe, Keripik Singkong, Kue Basah, Kue Kering, Nasi Uduk, Sambal Bawang, Sambal Roa, Bakso, Soto Betawi, Dodol Betawi, Kerak Telor, Bir Pletok, Rendang, Pempek, Seblak, Cireng, Basreng, Rempeyek, Kue Lapis, Roti Bakar, Es Cendol, Jamu Gendong, Lontong Sayur, Ayam Geprek, Tahu Walik, Pisang Molen, Bolu Pandan, Kopi Bubuk, Madu Hutan, Abon Ikan',
);
const PRODUCT = words(
  'Batik, Kopi, Tahu Bulat, Kerajinan Bambu, Anyaman Pandan, Tas Rajut, Sepatu Kulit, Sabun Herbal, Tanaman Hias, Ikan Hias, Madu, Keramik, Lilin Aromaterapi, Kain Tenun, Sandal Jepit Lukis, Boneka Flanel, Mebel Jati, Hijab, Kaos Sablon, Frozen Food, Telur Asin, Jahe Merah',
);
const SERVICE = words(
  'Laundry Kiloan, Catering, Catering Sehat, Penjahit, Penjahit Busana Muslim, Bengkel Motor, Konveksi Kaos, Salon Muslimah, Percetakan Digital, Service HP, Cuci Motor, Les Privat, Jasa Rias Pengantin, Sablon Kaos, Fotokopi, Katering Aqiqah, Pangkas Rambut, Servis AC',
);
const COOP_KIND = words(
  'Simpan Pinjam, Serba Usaha, Wanita, Konsumen, Produsen Tahu Tempe, Pedagang Pasar, Karyawan, Syariah, Pemuda, Nelayan Situ, Petani Anggrek',
);
const VIRTUE = words(
  'Jaya, Sejahtera, Makmur, Mandiri, Berkah, Sentosa, Bersatu, Maju, Amanah, Barokah, Lestari',
);
const BRAND = words('Dapur, Rumah Kue, Warung, Toko, Griya Jahit, Kedai, Pawon, Saung');
const LEGAL_WORD = words(
  'Maju Bersama, Sumber Rezeki, Karya Mandiri, Putra Jaya, Sinar Abadi, Cahaya Berkah, Mitra Usaha',
);

// "Bu Siti", "Teh Euis", "Mpok Munah", "Koh Hendra": the honorific says who runs it.
const HONORIFIC: Record<NameOrigin, Record<Gender, readonly string[]>> = {
  javanese: { f: ['Bu', 'Mbak'], m: ['Pak', 'Mas'] },
  sundanese: { f: ['Teh', 'Bu'], m: ['Kang', 'Pak'] },
  betawi: { f: ['Mpok', 'Bu'], m: ['Bang', 'Pak'] },
  chinese: { f: ['Ci', 'Bu'], m: ['Koh', 'Pak'] },
  arabic: { f: ['Bu', 'Umi'], m: ['Pak', 'Abah'] },
  batak: { f: ['Bu', 'Inang'], m: ['Bang', 'Pak'] },
  minang: { f: ['Uni', 'Bu'], m: ['Uda', 'Pak'] },
};

const TEMPLATE_WEIGHTS = {
  foodOwner: 30,
  productArea: 18,
  serviceArea: 20,
  cooperative: 15,
  brandOwner: 11,
  legal: 6,
};

/** A business or cooperative name for this person, drawn from the seeded source. */
export function demoBusiness(rng: Rng, person: DemoName): string {
  const area = rng.pick(TANGSEL_AREAS);
  const first = person.shortName;
  const hon = rng.pick(HONORIFIC[person.origin][person.gender]);
  switch (rng.weighted(TEMPLATE_WEIGHTS)) {
    case 'foodOwner':
      return `${rng.pick(FOOD)} ${hon} ${first}`;
    case 'productArea':
      return `${rng.pick(PRODUCT)} ${area}`;
    case 'serviceArea':
      return `${rng.pick(SERVICE)} ${area}`;
    case 'cooperative':
      return rng.chance(0.15)
        ? `KSP ${area} ${rng.pick(VIRTUE)}`
        : `Koperasi ${rng.pick(COOP_KIND)} ${area} ${rng.pick(VIRTUE)}`;
    case 'brandOwner':
      return `${rng.pick(BRAND)} ${hon} ${first}`;
    case 'legal':
      return `${rng.chance(0.5) ? 'CV' : 'UD'} ${rng.pick(LEGAL_WORD)} ${area}`;
  }
}
