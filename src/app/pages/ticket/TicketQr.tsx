import { useEffect, useMemo } from 'preact/hooks';
import { measured } from '../../lib/marks';
import { whenIdle } from '../../lib/when-idle';
import { getKeptQr, keepQr } from '../../ticket-store/kept-qr';
import { qrSvg } from './qr-svg';

/** The token's QR: the drawing kept from an earlier visit, else encoded now. */
function drawQr(token: string): { path: string; modules: number; kept: boolean } {
  const kept = measured('qr-kept-read', () => getKeptQr(token));
  if (kept) return { ...kept, kept: true };
  const { path, modules } = measured('qr', () => qrSvg(token));
  return { path, modules, kept: false };
}

/**
 * The big black-on-white QR of the token, as wide as the screen allows, and the token text.
 * Inline SVG rather than an <img> of a data: URL: it paints in the frame it is rendered in, with
 * no image decode in between (the first-second bench, e2e/bench/first-second.ts).
 */
export function TicketQr(props: { token: string; alt: string; tokenLabel: string }) {
  const qr = useMemo(() => drawQr(props.token), [props.token]);
  const { path, modules } = qr;
  // Kept once the page has painted, so the next visit skips the encoder.
  useEffect(() => {
    if (!qr.kept) return whenIdle(() => keepQr(props.token, qr));
  }, [props.token, qr]);
  return (
    <figure class="ticket-qr">
      {/* width/height give the aspect ratio before layout; CSS scales it to the screen. */}
      <svg
        data-testid="ticket-qr"
        role="img"
        aria-label={props.alt}
        viewBox={`0 0 ${modules} ${modules}`}
        width={modules}
        height={modules}
        shape-rendering="crispEdges"
      >
        <rect width={modules} height={modules} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>
        <span class="visually-hidden">{props.tokenLabel}: </span>
        <code data-testid="ticket-token" translate={false}>
          {props.token}
        </code>
      </figcaption>
    </figure>
  );
}
