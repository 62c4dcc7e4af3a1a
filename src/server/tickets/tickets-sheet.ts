// The tickets export: every active participant with their ticket link and a ready WhatsApp link,
// plus phone and NIK for the office. Its headers are ones the roster import recognises, so the
// file can be edited and imported back.
import type { ExportSheet } from '../../shared/roster/export-sheet.js';
import type { TicketLinks } from '../../shared/api/schemas.js';
import type { ParticipantTable } from '../store/schema.js';

/** The sheet of the given participants; `waveName` names their waves. */
export function ticketsSheet(
  participants: readonly ParticipantTable[],
  links: ReadonlyMap<string, TicketLinks>,
  waveName: ReadonlyMap<string, string>,
): ExportSheet {
  return {
    name: 'Tiket',
    columns: [
      { header: 'id' },
      { header: 'nama' },
      { header: 'nama_usaha' },
      { header: 'no_hp', kind: 'phone' },
      { header: 'email' },
      { header: 'nik', kind: 'nik' },
      { header: 'gelombang' },
      { header: 'tautan_tiket' },
      { header: 'tautan_whatsapp' },
    ],
    rows: participants.map((p) => {
      const l = links.get(p.id);
      return [
        p.id,
        p.name,
        p.business,
        p.phone,
        p.email ?? '',
        p.nik ?? '',
        waveName.get(p.wave_id) ?? '',
        l?.link ?? '',
        l?.whatsappLink ?? '',
      ];
    }),
  };
}
