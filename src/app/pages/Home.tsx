import { LangToggle } from '../components/LangToggle';
import { useLang } from '../i18n/i18n';

/** Start page: an organizer, a participant after a saved ticket, or someone checking a certificate. */
export default function Home() {
  const lang = useLang();
  const en = lang === 'en';
  return (
    <main class="page home">
      <LangToggle />
      <h1>Hadir</h1>
      <p>
        {en
          ? 'Check-in at the door that keeps working without internet.'
          : 'Cek kehadiran di pintu masuk yang tetap jalan tanpa internet.'}
      </p>
      <nav class="home-links">
        <a class="button" href="/t">
          {en ? 'My tickets' : 'Tiket saya'}
        </a>
        <a class="button secondary" href="/v">
          {en ? 'Verify a certificate' : 'Periksa sertifikat'}
        </a>
        <a class="button secondary" href="/scan">
          {en ? 'Door (tablet)' : 'Pintu (tablet)'}
        </a>
        <a class="button secondary" href="/admin">
          {en ? 'Organizer' : 'Panitia'}
        </a>
      </nav>
    </main>
  );
}
