// Route table. Each page is a lazily loaded chunk.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { matchRoute, onLinkClick, useLocation } from './router';
import { UpdateBanner } from './update/UpdateBanner';
import { markOnce } from './lib/marks';

type PageModule = { default: ComponentType<{ params: Record<string, string> }> };

const routes: [string, () => Promise<PageModule>][] = [
  ['/', () => import('./pages/Home')],
  ['/t', () => import('./pages/ticket/TicketPage')],
  ['/c', () => import('./pages/certificate/CertificatePage')],
  ['/v', () => import('./pages/certificate/VerifyPage')],
  ['/admin', () => import('./pages/admin/AdminRoot')],
  ['/admin/*', () => import('./pages/admin/AdminRoot')],
  ['/scan', () => import('./pages/door/DoorPage')],
  ['/scan/*', () => import('./pages/door/DoorPage')],
];

function pick(path: string): { load: () => Promise<PageModule>; params: Record<string, string> } {
  for (const [pattern, load] of routes) {
    if (pattern.endsWith('/*')) {
      const base = pattern.slice(0, -2);
      if (path === base || path.startsWith(base + '/')) return { load, params: {} };
    } else {
      const params = matchRoute(pattern, path);
      if (params) return { load, params };
    }
  }
  return { load: () => import('./pages/NotFound'), params: {} };
}

let firstPage: { path: string; mod: PageModule } | null = null;

/**
 * Loads the page of the address the app opened at, so the first render is that page (the
 * ticket's QR in the first frame) rather than a placeholder followed by an effect and a second
 * render. Never rejects: a failed load is retried, and reported, by App.
 */
export async function loadFirstPage(): Promise<void> {
  const path = location.pathname;
  try {
    firstPage = { path, mod: await pick(path).load() };
    markOnce('route-loaded');
  } catch {
    firstPage = null;
  }
}

export function App() {
  const { path } = useLocation();
  const [page, setPage] = useState<{ path: string; mod: PageModule } | null>(() =>
    firstPage?.path === path ? firstPage : null,
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (page?.path === path) return;
    let live = true;
    const { load } = pick(path);
    load().then(
      (mod) => (markOnce('route-loaded'), live && (setPage({ path, mod }), setFailed(false))),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [path]);

  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);

  if (failed)
    return (
      <main class="page">
        <p role="alert">
          Halaman gagal dimuat. Periksa koneksi lalu muat ulang. / The page failed to load. Check
          the connection and reload.
        </p>
      </main>
    );
  if (!page) return <div class="loading" aria-busy="true" />;
  const Page = page.mod.default;
  return (
    <>
      <UpdateBanner />
      <Page params={pick(path).params} />
    </>
  );
}
