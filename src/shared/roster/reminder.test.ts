import { describe, expect, it } from 'vitest';
import { reminderMessage } from './reminder.js';

describe('reminderMessage', () => {
  it('names the person, session, place and the WIB time in Indonesian', () => {
    expect(
      reminderMessage({
        personName: 'Sari Wulandari',
        eventName: 'Pelatihan UMKM',
        waveName: 'Gelombang 1',
        sessionName: 'Hari 1',
        venue: 'Aula Blandongan',
        address: 'Jl. Maruga No. 1',
        // 01:00 UTC is 08.00 WIB.
        startsAt: '2026-12-08T01:00:00Z',
      }),
    ).toBe(
      'Halo Bapak/Ibu Sari Wulandari, kami dari panitia Pelatihan UMKM. Hari 1 (Gelombang 1) di ' +
        'Aula Blandongan, Jl. Maruga No. 1 dimulai Selasa 8 Desember 08.00 WIB. Kami tunggu ' +
        'kehadiran Bapak/Ibu; tunjukkan tiket Hadir (kode QR) di pintu masuk. Terima kasih.',
    );
  });
});
