// While a certificate is on screen, the page prints A4 landscape with no margin. A named page
// (`page: certificate`) is the tidy way, but Chromium's PDF printing (page.pdf with
// preferCSSPageSize, checked with Chromium 156) keeps the default @page size for named pages,
// so the default page is switched instead. A constructed stylesheet passes the CSP
// (style-src 'self' forbids inline <style>): https://developer.mozilla.org/docs/Web/API/CSSStyleSheet/CSSStyleSheet
import { useEffect } from 'preact/hooks';

const LANDSCAPE = '@page { size: A4 landscape; margin: 0; }';

/** Makes the default printed page A4 landscape while `on` and the component is mounted. */
export function useLandscapePrint(on = true): void {
  useEffect(() => {
    if (!on) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LANDSCAPE);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [on]);
}
