import { useState } from 'preact/hooks';
import { useLang } from '../../i18n/i18n';
import type { CsvSeparatorChoice } from './export-links';
import {
  exportHrefs,
  exportLinksText,
  rememberSeparator,
  rememberedSeparator,
} from './export-links';

/**
 * One export offered as Excel or CSV with a choice of separator, under a heading that says what
 * it is ("Tautan tiket", "Kehadiran untuk sertifikat"). Test ids: `${testId}-xlsx`, `${testId}`
 * (the CSV) and `${testId}-sep`.
 */
export function ExportLinks(props: {
  /** The export's API path without its extension, e.g. /api/events/E1/tickets. */
  path: string;
  query?: Record<string, string | undefined>;
  title: string;
  testId: string;
}) {
  const t = exportLinksText[useLang()];
  const [sep, setSep] = useState<CsvSeparatorChoice>(rememberedSeparator);
  const href = exportHrefs(props.path, props.query ?? {}, sep);
  const sepId = `${props.testId}-sep`;
  return (
    <fieldset class="export-links">
      <legend>{props.title}</legend>
      <a class="button" href={href.xlsx} download data-testid={`${props.testId}-xlsx`}>
        {t.xlsx}
      </a>
      <div class="field">
        <label for={sepId}>{t.separator}</label>
        <select
          id={sepId}
          value={sep}
          data-testid={sepId}
          onChange={(e) => {
            const next = e.currentTarget.value === 'comma' ? 'comma' : 'semicolon';
            setSep(next);
            rememberSeparator(next);
          }}
        >
          <option value="semicolon">{t.semicolon}</option>
          <option value="comma">{t.comma}</option>
        </select>
      </div>
      <a class="button secondary" href={href.csv} download data-testid={props.testId}>
        {t.csv}
      </a>
      <p class="hint">{t.hint}</p>
    </fieldset>
  );
}
