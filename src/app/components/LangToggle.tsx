import { setLang, useLang } from '../i18n/i18n';

/** "English" / "Bahasa Indonesia" switch. */
export function LangToggle() {
  const lang = useLang();
  return (
    <button
      type="button"
      class="lang-toggle"
      onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
      lang={lang === 'id' ? 'en' : 'id'}
    >
      {lang === 'id' ? 'English' : 'Bahasa Indonesia'}
    </button>
  );
}
