// Words of the badges page, Bahasa Indonesia first.
const id = {
  title: 'Cetak badge',
  intro:
    'Satu halaman A4 berisi 8 badge (±90 × 60 mm). Cetak dengan skala 100% ("Ukuran sebenarnya"), lalu gunting di garis putus-putus.',
  scope: 'Badge untuk',
  choose: 'Pilih gelombang',
  allWaves: 'Semua gelombang',
  selected: (n: number) => `Peserta terpilih (${n})`,
  selectHint: 'Untuk mencetak beberapa peserta saja, centang mereka di halaman',
  selectHintLink: 'Peserta',
  print: 'Cetak / Print',
  loading: 'Memuat daftar badge…',
  making: (d: number, n: number) => `Membuat kode QR ${d} dari ${n}…`,
  progressLabel: 'Kemajuan pembuatan kode QR',
  fitting: 'Menyesuaikan ukuran nama…',
  noneWave: 'Belum ada peserta aktif di gelombang ini.',
  noneAll: 'Belum ada peserta aktif di acara ini.',
  noneIds: 'Tidak ada peserta aktif di antara yang dipilih.',
  leftOut: (n: number) =>
    `${n} peserta yang dipilih tidak dicetak: sudah dibatalkan atau bukan peserta acara ini.`,
  count: (n: number, p: number) => `${n} badge di ${p} halaman.`,
  qrAlt: (n: string) => `Kode QR tiket ${n}`,
  logoAlt: 'Logo acara',
  noLogo: 'Logo acara (opsional) dipasang di halaman',
  noWaves: 'Buat gelombang dulu di halaman Acara.',
};

const en: typeof id = {
  title: 'Print badges',
  intro:
    'One A4 page holds 8 badges (about 90 × 60 mm). Print at 100% scale ("Actual size"), then cut along the dashed lines.',
  scope: 'Badges for',
  choose: 'Choose a wave',
  allWaves: 'All waves',
  selected: (n) => `Selected participants (${n})`,
  selectHint: 'To print a few participants only, tick them on the page',
  selectHintLink: 'Participants',
  print: 'Cetak / Print',
  loading: 'Loading the badges…',
  making: (d, n) => `Making QR code ${d} of ${n}…`,
  progressLabel: 'QR code progress',
  fitting: 'Fitting the names…',
  noneWave: 'No active participants in this wave yet.',
  noneAll: 'No active participants in this event yet.',
  noneIds: 'None of the chosen participants is active.',
  leftOut: (n) => `${n} chosen participant(s) not printed: cancelled, or not in this event.`,
  count: (n, p) => `${n} badges on ${p} pages.`,
  qrAlt: (n) => `Ticket QR code for ${n}`,
  logoAlt: 'Event logo',
  noLogo: 'The event logo (optional) is set on the page',
  noWaves: 'Create a wave on the Event page first.',
};

export const badgesText = { id, en };
