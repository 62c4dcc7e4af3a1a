import { LangToggle } from '../components/LangToggle';
import { useLang } from '../i18n/i18n';

/** Unknown in-app path: say so and offer the way home. */
export default function NotFound() {
  const lang = useLang();
  return (
    <main class="page">
      <LangToggle />
      <h1>{lang === 'en' ? 'Page not found' : 'Halaman tidak ditemukan'}</h1>
      <p>
        <a href="/">{lang === 'en' ? 'Back to the start' : 'Kembali ke awal'}</a>
      </p>
    </main>
  );
}
