import { useMemo } from 'preact/hooks';
import { measured } from '../../lib/marks';
import { qrSvg, svgDataUrl } from './qr-svg';

/** The big black-on-white QR of the token, as wide as the screen allows, and the token text. */
export function TicketQr(props: { token: string; alt: string; tokenLabel: string }) {
  const { url, modules } = useMemo(() => {
    const { svg, modules } = measured('qr', () => qrSvg(props.token));
    return { url: svgDataUrl(svg), modules };
  }, [props.token]);
  return (
    <figure class="ticket-qr">
      {/* width/height give the aspect ratio before layout; CSS scales it to the screen. */}
      <img data-testid="ticket-qr" src={url} alt={props.alt} width={modules} height={modules} />
      <figcaption>
        <span class="visually-hidden">{props.tokenLabel}: </span>
        <code data-testid="ticket-token" translate={false}>
          {props.token}
        </code>
      </figcaption>
    </figure>
  );
}
