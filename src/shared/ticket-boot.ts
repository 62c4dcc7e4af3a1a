// The ticket page's first frame without waiting for its code: ticket.html carries this small
// inline script right after <div id="app">, and it is what loads the page's code. When the phone
// kept the page of the ticket in its address (src/app/ticket-store/kept-frame.ts, written by
// TicketView once it has shown the ticket), the script puts that markup in place, so the browser
// paints the QR, the name, the place and the time at once (the page's stylesheet is inlined), and
// only then asks for the page's modules; Preact then renders over the same elements (render()
// reuses existing DOM) without a visible change. Written into the page by vite.config.ts and
// allowed by its hash in the Content-Security-Policy, taken from the page as served
// (src/server/http/csp.ts).

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

/** The page's code: its entry module and every file it loads at once (src/app/ticket-main.tsx). */
export interface TicketCode {
  entry: string;
  preload: readonly string[];
}

/**
 * The inline script, for the build's file names (vite.config.ts writes it into ticket.html in
 * place of the usual module script and preload links). Plain ES5 on purpose: it runs before any
 * module, parsed by every browser that opens the page.
 *
 * 1. The kept frame for this address and language, if any, goes into #app. Anything wrong (no
 *    storage, damaged JSON) leaves #app empty and the page renders as before.
 * 2. The code: with a frame in place, only after that frame has painted (in a task after the next
 *    animation frame), so a slow phone spends no time on the code's files before showing the QR,
 *    and then one file per task: asking for the eight files in one task was a long task of its
 *    own at 4× slower (60–90 ms, mostly the browser starting each fetch). Otherwise at once, all
 *    files requested together.
 */
export function ticketBootScript(code: TicketCode): string {
  return (
    '(function(){var kept=false;try{' +
    `var all=JSON.parse(localStorage.getItem(${JSON.stringify(FRAME_KEY)})||'[]');` +
    `var lang=localStorage.getItem(${JSON.stringify(LANG_KEY)})==='en'?'en':'id';` +
    'for(var i=0;i<all.length;i++){var f=all[i];' +
    "if(f&&f.hash===location.hash&&f.lang===lang&&typeof f.html==='string'){" +
    "document.getElementById('app').innerHTML=f.html;document.title=f.title;" +
    "performance.mark('hadir:kept-frame');kept=true;break}}" +
    '}catch(e){}' +
    `var files=${JSON.stringify(code.preload)};` +
    'function add(rel,src){var e=document.createElement(rel?"link":"script");' +
    'if(rel){e.rel=rel;e.href=src}else{e.type="module";e.src=src}' +
    'e.crossOrigin="anonymous";document.head.appendChild(e)}' +
    `function load(){for(var i=0;i<files.length;i++)add("modulepreload",files[i]);add("",${JSON.stringify(code.entry)})}` +
    // After a painted frame: one file per task, so asking for them is no long task either.
    `function each(i){if(i<files.length){add("modulepreload",files[i]);setTimeout(function(){each(i+1)},0)}else add("",${JSON.stringify(code.entry)})}` +
    "if(kept&&document.visibilityState!=='hidden'&&window.requestAnimationFrame)" +
    'requestAnimationFrame(function(){setTimeout(function(){each(0)},0)});else load()' +
    '})()'
  );
}
