// The ticket page's first frame without waiting for its code: ticket.html carries this small
// inline script right after <div id="app">. When the phone kept the page of the ticket in its
// address (src/app/ticket-store/kept-frame.ts, written by TicketView once it has shown the
// ticket), the script puts that markup in place, so the browser paints the QR, the name, the place
// and the time at once (the page's stylesheet is inlined), while the page's modules still load;
// Preact then renders over the same elements (render() reuses existing DOM) without a visible
// change. Injected by vite.config.ts and allowed by its hash in the Content-Security-Policy,
// taken from the page as served (src/server/http/csp.ts).

/** localStorage key of the kept first frames. */
export const FRAME_KEY = 'hadir.frame.v1';
/** localStorage key of the chosen language (src/app/i18n/i18n.ts). */
export const LANG_KEY = 'hadir.lang';

/**
 * A kept frame: the ticket page's markup for the address `hash` (location.hash, with its "#")
 * in `lang`, with the page title; `token` is the canonical token, to forget it with the ticket.
 */
export interface KeptFrame {
  hash: string;
  token: string;
  lang: 'id' | 'en';
  title: string;
  html: string;
}

/**
 * Plain ES5 on purpose: it runs before any module, parsed by every browser that opens the page.
 * Anything wrong (no storage, damaged JSON) leaves #app empty and the page renders as before.
 */
export const TICKET_BOOT_SCRIPT =
  '(function(){try{' +
  `var all=JSON.parse(localStorage.getItem(${JSON.stringify(FRAME_KEY)})||'[]');` +
  `var lang=localStorage.getItem(${JSON.stringify(LANG_KEY)})==='en'?'en':'id';` +
  'for(var i=0;i<all.length;i++){var f=all[i];' +
  "if(f&&f.hash===location.hash&&f.lang===lang&&typeof f.html==='string'){" +
  "document.getElementById('app').innerHTML=f.html;document.title=f.title;" +
  "performance.mark('hadir:kept-frame');return}}" +
  '}catch(e){}})()';
