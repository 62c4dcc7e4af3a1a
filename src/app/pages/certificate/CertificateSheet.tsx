// One certificate as printed: an A4 landscape sheet (logo, title, number, the body filled from
// the signed payload, place and date, up to three signers, and the verification QR of the
// absolute /v#<token> link). The participant's page and the organizer's "Cetak semua" share it.
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { CertificateTemplate } from '../../../shared/api/certificates';
import {
  certificateParagraphs,
  certificatePlaceAndDate,
} from '../../../shared/certificate/certificate-text';
import type { CertificatePayload } from '../../../shared/certificate/token';
import { verifyPath } from '../../../shared/certificate/token';
import { qrSvg, svgDataUrl } from '../ticket/qr-svg';
import './certificate.css';

/** The absolute verification link the QR carries. */
export const verifyUrl = (token: string) => `${location.origin}${verifyPath(token)}`;

/** The printed sheet, at its real size; FitToWidth scales it for the screen. */
export function CertificateSheet(props: {
  token: string;
  payload: CertificatePayload;
  template: CertificateTemplate;
}) {
  const { payload: p, template: tpl } = props;
  const link = verifyUrl(props.token);
  const qr = useMemo(() => svgDataUrl(qrSvg(link).svg), [link]);
  const paragraphs = certificateParagraphs(tpl.body, p);
  const signers = tpl.signers.slice(0, 3);
  return (
    <article class="cert-sheet" data-testid="cert-sheet" data-number={p.number} lang="id">
      <div class="cert-frame">
        <header class="cert-top">
          {tpl.logoUrl && <img class="cert-logo" src={tpl.logoUrl} alt="" />}
          <h2 class="cert-title">{tpl.title}</h2>
          <p class="cert-number">Nomor: {p.number}</p>
        </header>
        <div class="cert-body">
          {paragraphs.map((runs, i) => (
            <p key={i}>
              {runs.map((r, j) =>
                r.field === 'nama' ? (
                  <strong key={j} class="cert-name">
                    {r.text}
                  </strong>
                ) : r.field ? (
                  <strong key={j}>{r.text}</strong>
                ) : (
                  r.text
                ),
              )}
            </p>
          ))}
        </div>
        <footer class="cert-bottom">
          <figure class="cert-qr">
            <img src={qr} alt={`Kode QR verifikasi sertifikat ${p.number}`} data-testid="cert-qr" />
            <figcaption>Pindai untuk memeriksa keaslian sertifikat</figcaption>
          </figure>
          <div class="cert-signing">
            <p class="cert-place">{certificatePlaceAndDate(tpl, p)}</p>
            <div class="cert-signers" data-count={signers.length}>
              {signers.map((s, i) => (
                <div class="cert-signer" key={i}>
                  <p class="cert-position">{s.position}</p>
                  <div class="cert-signature">
                    {s.signatureUrl && <img src={s.signatureUrl} alt={`Tanda tangan ${s.name}`} />}
                  </div>
                  <p class="cert-signer-name">{s.name}</p>
                </div>
              ))}
            </div>
          </div>
        </footer>
      </div>
    </article>
  );
}

/** A4 landscape width in CSS pixels (96 per inch). */
const SHEET_WIDTH_PX = (297 / 25.4) * 96;

/**
 * Shows its sheets scaled to the width available (a phone shows the whole A4 landscape page);
 * print styles undo the scale. CSS cannot divide a length by a length yet, hence the observer.
 */
export function FitToWidth(props: { children: preact.ComponentChildren; count?: number }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!box || !content) return;
    const fit = () => {
      const scale = Math.min(1, box.clientWidth / SHEET_WIDTH_PX);
      content.style.transform = `scale(${scale})`;
      box.style.height = `${content.scrollHeight * scale}px`;
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(box);
    return () => watch.disconnect();
  }, [props.count]);
  return (
    <div class="cert-fit" ref={outer}>
      <div class="cert-fit-inner" ref={inner} style={{ width: `${SHEET_WIDTH_PX}px` }}>
        {props.children}
      </div>
    </div>
  );
}
