import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { KeptFrame } from '../../shared/ticket-boot';
import { FRAME_KEY, LANG_KEY, ticketBootScript } from '../../shared/ticket-boot';
import { forgetFrames, getKeptFrame, keepFrame } from './kept-frame';

function memoryStore() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  };
}

const frame = (n: number, over: Partial<KeptFrame> = {}): KeptFrame => ({
  hash: `#H1.T${n}`,
  token: `H1.T${n}`,
  lang: 'id',
  title: `Tiket ${n} — Hadir`,
  html: `<main class="page ticket-page"><h1>Peserta ${n}</h1></main>`,
  ...over,
});

const SCRIPT = ticketBootScript({
  entry: '/assets/ticket-1.js',
  preload: ['/assets/boot-1.js', '/assets/app-1.js'],
});

/**
 * Runs the inline script of ticket.html against a page with this storage and address; returns
 * what it painted and what it asked for, and when (`frame`: after the next animation frame).
 */
function boot(store: ReturnType<typeof memoryStore> | undefined, hash: string, hidden = false) {
  const app = { innerHTML: '' };
  const page = { title: 'Tiket — Hadir', marks: [] as string[], loads: [] as string[] };
  let frame: (() => void) | null = null;
  const timers: (() => void)[] = [];
  runInNewContext(SCRIPT, {
    localStorage: store,
    location: { hash },
    window: { requestAnimationFrame: (f: () => void) => void (frame = f) },
    requestAnimationFrame: (f: () => void) => void (frame = f),
    setTimeout: (f: () => void) => void timers.push(f),
    document: {
      visibilityState: hidden ? 'hidden' : 'visible',
      getElementById: (id: string) => (id === 'app' ? app : null),
      set title(t: string) {
        page.title = t;
      },
      createElement: (tag: string) => ({ tag }) as Record<string, string>,
      head: {
        appendChild: (e: Record<string, string>) =>
          page.loads.push(e.tag === 'script' ? `${e.type} ${e.src}` : `${e.rel} ${e.href}`),
      },
    },
    performance: { mark: (name: string) => page.marks.push(name) },
  });
  const atOnce = [...page.loads];
  (frame as (() => void) | null)?.();
  // Each task asks for at most one file (none is a long task on a slow phone).
  const perTask: number[] = [];
  for (let task = timers.shift(); task; task = timers.shift()) {
    const before = page.loads.length;
    task();
    perTask.push(page.loads.length - before);
  }
  return {
    html: app.innerHTML,
    title: page.title,
    marks: page.marks,
    atOnce,
    loads: page.loads,
    perTask: Math.max(0, ...perTask),
  };
}

const ALL = [
  'modulepreload /assets/boot-1.js',
  'modulepreload /assets/app-1.js',
  'module /assets/ticket-1.js',
];

describe('kept first frames', () => {
  it('keeps one frame per address, the newest eight, and forgets a token', () => {
    const store = memoryStore();
    for (let i = 0; i < 10; i++) keepFrame(frame(i), store);
    expect(getKeptFrame('#H1.T0', store)).toBeNull();
    expect(getKeptFrame('#H1.T9', store)?.title).toBe('Tiket 9 — Hadir');
    keepFrame(frame(9, { html: '<main>baru</main>' }), store);
    expect(getKeptFrame('#H1.T9', store)?.html).toBe('<main>baru</main>');
    forgetFrames('H1.T9', store);
    expect(getKeptFrame('#H1.T9', store)).toBeNull();
    expect(getKeptFrame('#H1.T8', store)).not.toBeNull();
  });

  it('treats damaged storage as empty', () => {
    const store = memoryStore();
    store.setItem(FRAME_KEY, '{not json');
    expect(getKeptFrame('#H1.T1', store)).toBeNull();
    store.setItem(FRAME_KEY, JSON.stringify([{ hash: '#H1.T1' }, 3, null]));
    expect(getKeptFrame('#H1.T1', store)).toBeNull();
    keepFrame(frame(1), store);
    expect(getKeptFrame('#H1.T1', store)?.token).toBe('H1.T1');
  });

  it('the inline script paints the frame of this address in the chosen language only', () => {
    const store = memoryStore();
    keepFrame(frame(1), store);
    keepFrame(frame(2, { lang: 'en', title: 'Ticket 2 — Hadir' }), store);
    expect(boot(store, '#H1.T1')).toMatchObject({
      html: frame(1).html,
      title: 'Tiket 1 — Hadir',
      marks: ['hadir:kept-frame'],
    });
    // Kept in English, the phone now reads Indonesian: rendered by the page as usual.
    expect(boot(store, '#H1.T2')).toMatchObject({ html: '', title: 'Tiket — Hadir', marks: [] });
    store.setItem(LANG_KEY, 'en');
    expect(boot(store, '#H1.T2').title).toBe('Ticket 2 — Hadir');
    expect(boot(store, '#H1.T3').html).toBe('');
    expect(boot(store, '').html).toBe('');
  });

  it("the inline script asks for the page's code after the kept frame has painted, else at once", () => {
    const store = memoryStore();
    keepFrame(frame(1), store);
    // Painted from the kept frame: nothing asked for before the next frame, then everything.
    expect(boot(store, '#H1.T1')).toMatchObject({ atOnce: [], loads: ALL, perTask: 1 });
    // Nothing kept for this address: everything at once, nothing twice.
    expect(boot(store, '#H1.T9')).toMatchObject({ atOnce: ALL, loads: ALL });
    // A page opened in the background paints no frame to wait for.
    expect(boot(store, '#H1.T1', true)).toMatchObject({ atOnce: ALL, loads: ALL });
  });

  it('the inline script leaves the page empty and still loads the code when storage is damaged or missing', () => {
    const store = memoryStore();
    store.setItem(FRAME_KEY, '{not json');
    expect(boot(store, '#H1.T1')).toMatchObject({ html: '', atOnce: ALL });
    expect(boot(undefined, '#H1.T1')).toMatchObject({ html: '', atOnce: ALL });
  });
});
