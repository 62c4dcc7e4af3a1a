import { BADGE_IDS_MAX } from '../../../shared/api/schemas';
import { useLang } from '../../i18n/i18n';
import { badgesPagePath } from './badge-scope';
import { participantsText } from './participants-text';

/** The ticked participants: how many, print their badges, or clear (nothing while none). */
export function SelectionBar(props: {
  eventId: string;
  selected: ReadonlySet<string>;
  onClear: () => void;
}) {
  const t = participantsText[useLang()];
  const n = props.selected.size;
  if (n === 0) return null;
  return (
    <div class="selection-bar" data-testid="selection-bar">
      <span role="status">
        {t.selectedCount(n)}
        {n >= BADGE_IDS_MAX ? ` · ${t.selectionFull}` : ''}
      </span>
      <a
        class="button"
        href={badgesPagePath(props.eventId, { kind: 'ids', ids: [...props.selected] })}
        data-testid="print-selected"
      >
        {t.printSelected}
      </a>
      <button type="button" class="secondary" onClick={props.onClear}>
        {t.clearSelection}
      </button>
    </div>
  );
}
