// The WhatsApp reminder an organizer sends to someone not yet at a session: Indonesian (it goes
// to the participant, not the console's language), with the session, place and WIB time.
import { dayTimeText } from '../door/wib-format.js';

export interface ReminderFacts {
  personName: string;
  eventName: string;
  waveName: string;
  sessionName: string;
  venue: string;
  address: string;
  /** ISO start of the session. */
  startsAt: string;
}

/** "Halo Bapak/Ibu Sari, …" ready to send. */
export function reminderMessage(f: ReminderFacts): string {
  const place = f.address ? `${f.venue}, ${f.address}` : f.venue;
  return (
    `Halo Bapak/Ibu ${f.personName}, kami dari panitia ${f.eventName}. ` +
    `${f.sessionName} (${f.waveName}) di ${place} dimulai ${dayTimeText(f.startsAt).id} WIB. ` +
    'Kami tunggu kehadiran Bapak/Ibu; tunjukkan tiket Hadir (kode QR) di pintu masuk. Terima kasih.'
  );
}
