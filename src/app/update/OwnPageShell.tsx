// What a page of its own (ticket.html, door.html: src/shared/app-pages.ts) puts around its one
// page: the update banner, and in-place navigation for the links that page owns (any other link
// loads its own page).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { onLinkClick } from '../router';
import { UpdateBanner } from './UpdateBanner';

export function OwnPageShell(props: {
  owns: (path: string) => boolean;
  children: ComponentChildren;
}) {
  const { owns } = props;
  useEffect(() => {
    const click = (e: MouseEvent) => onLinkClick(e, owns);
    document.addEventListener('click', click);
    return () => document.removeEventListener('click', click);
  }, [owns]);
  return (
    <>
      <UpdateBanner />
      {props.children}
    </>
  );
}
