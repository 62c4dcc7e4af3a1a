import type { CertificatePayload } from '../../../shared/certificate/token';
import {
  certificateDate,
  certificateDateRange,
} from '../../../shared/certificate/certificate-text';
import type { Lang } from '../../i18n/i18n';
import { certificateWords } from './certificate-words';

/** What a certificate says, as a list a screen reader reads in order. */
export function CertificateDetails(props: { payload: CertificatePayload; lang: Lang }) {
  const { payload: p, lang } = props;
  const t = certificateWords(lang);
  const rows: [string, string, string][] = [
    [t.name, p.name, 'name'],
    [t.business, p.business, 'business'],
    [t.programme, p.programme, 'programme'],
    [t.wave, p.wave, 'wave'],
    [t.venue, p.venue, 'venue'],
    [t.dates, certificateDateRange(p.from, p.to, lang), 'dates'],
    [t.number, p.number, 'number'],
    [t.issuedAt, certificateDate(p.issuedAt, lang), 'issued'],
  ];
  if (p.version > 1) rows.push([t.version, String(p.version), 'version']);
  return (
    <dl class="cert-details">
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`cert-${key}`}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
