import { describe, expect, it } from 'vitest';
import type { SendingQueue, SendingRow } from '../../../shared/api/sending';
import {
  countsOf,
  markBody,
  messageFor,
  nextToSend,
  rowsIn,
  sendingPath,
  sentLine,
  stateText,
  whatsAppFor,
  withMark,
} from './sending-queue';

const row = (name: string, state: SendingRow['state'], version = 1): SendingRow => ({
  participantId: name.toUpperCase(),
  name,
  business: '',
  phone: '+6281234500001',
  version,
  link: `https://hadir.example/t#${name}`,
  state,
  lastSent: null,
});

const queue: SendingQueue = {
  kind: 'tiket',
  eventName: 'Pelatihan UMKM 2026',
  wave: {
    id: 'W1',
    name: 'Gelombang 1',
    venue: 'Aula Blandongan',
    address: '',
    startsAt: '2026-12-08T08:00:00+07:00',
  },
  settings: {
    contact: '+6281299990000',
    template: 'Halo {nama} {tautan} {kontak}',
    certificateTemplate: null,
    instructions: null,
  },
  linkOrigin: { origin: 'https://hadir.example', problem: null, fromPublicUrl: true },
  counts: { total: 3, sent: 1, unsent: 1, stale: 1, noPhone: 0, noCertificate: 0 },
  rows: [row('ani', 'sent'), row('budi', 'stale', 2), row('cici', 'unsent')],
  noPhone: [],
};

describe('sending queue', () => {
  it('sends next the first row whose current ticket is not sent, skipping what was skipped', () => {
    expect(nextToSend(queue.rows, new Set())?.name).toBe('budi');
    expect(nextToSend(queue.rows, new Set(['BUDI']))?.name).toBe('cici');
    expect(nextToSend(queue.rows, new Set(['BUDI', 'CICI']))).toBeNull();
  });

  it('filters and counts by state', () => {
    expect(rowsIn(queue.rows, 'stale').map((r) => r.name)).toEqual(['budi']);
    expect(rowsIn(queue.rows, 'all')).toHaveLength(3);
    expect(countsOf(queue.rows)).toEqual({ total: 3, sent: 1, unsent: 1, stale: 1 });
  });

  it('renders the saved template, or a draft, for a row; wa.me carries it', () => {
    const cici = queue.rows[2]!;
    expect(messageFor(queue, cici)).toBe('Halo cici https://hadir.example/t#cici 0812-9999-0000');
    expect(messageFor(queue, cici, 'Hai {nama}')).toBe('Hai cici');
    expect(whatsAppFor(queue, cici)).toBe(
      `https://wa.me/6281234500001?text=${encodeURIComponent(messageFor(queue, cici))}`,
    );
  });

  it('marks the row of the sent version only', () => {
    const mark = { version: 2, at: '2026-12-07T01:12:00Z', by: 'rina' };
    const next = withMark(queue, 'BUDI', mark);
    expect(next.rows[1]).toMatchObject({ state: 'sent', lastSent: mark });
    expect(withMark(queue, 'BUDI', { ...mark, version: 1 }).rows[1]!.state).toBe('stale');
  });

  it('says when and by whom, with the day when it was not today (WIB)', () => {
    const mark = { version: 1, at: '2026-12-07T01:12:00Z', by: 'Rina' };
    const sameDay = Date.parse('2026-12-07T10:00:00Z');
    expect(sentLine(mark, 'id', sameDay)).toBe('dikirim 08.12 oleh Rina');
    expect(sentLine(mark, 'en', sameDay)).toBe('sent 08:12 by Rina');
    expect(sentLine(mark, 'id', Date.parse('2026-12-09T10:00:00Z'))).toBe(
      'dikirim Senin 7 Desember 08.12 oleh Rina',
    );
  });

  it('renders the certificate message with the number and the /c# link', () => {
    const cert: SendingQueue = {
      ...queue,
      kind: 'sertifikat',
      rows: [
        {
          ...row('dewi', 'stale', 2),
          link: 'https://hadir.example/c#HS1.dewi',
          certificateId: 'C2',
          number: '004/PLT-UMKM/DISKOP/2026',
        },
      ],
    };
    const dewi = cert.rows[0]!;
    const text = messageFor(cert, dewi);
    expect(text).toContain('Selamat, Bapak/Ibu dewi!');
    expect(text).toContain('nomor 004/PLT-UMKM/DISKOP/2026');
    expect(text).toContain('https://hadir.example/c#HS1.dewi');
    expect(text).toContain('0812-9999-0000');
    const saved = {
      ...cert,
      settings: { ...cert.settings, certificateTemplate: '{nomor} {tautan}' },
    };
    expect(messageFor(saved, dewi)).toBe(
      '004/PLT-UMKM/DISKOP/2026 https://hadir.example/c#HS1.dewi',
    );
    expect(markBody('sertifikat', dewi)).toEqual({
      kind: 'sertifikat',
      participantId: 'DEWI',
      version: 2,
      certificateId: 'C2',
    });
    // A mark of another certificate's version 2 is not this one's.
    const mark = { version: 2, certificateId: 'OTHER', at: '2026-12-07T01:12:00Z', by: 'rina' };
    expect(withMark(cert, 'DEWI', mark).rows[0]!.state).toBe('stale');
    expect(withMark(cert, 'DEWI', { ...mark, certificateId: 'C2' }).rows[0]!.state).toBe('sent');
    expect(stateText('stale', 'id', 'sertifikat')).toBe('Sertifikat baru belum dikirim');
    expect(sendingPath('/admin/events/E', 'W 1', 'sertifikat')).toBe(
      '/admin/events/E/sending?wave=W%201&kind=sertifikat',
    );
    expect(sendingPath('/admin/events/E', 'W1', 'tiket')).toBe('/admin/events/E/sending?wave=W1');
  });
});
