// The participants ticked on the participants page (kept across pages and filters), for
// printing their badges together.
import { BADGE_IDS_MAX } from '../../../shared/api/schemas';

/** The selection with `ids` ticked (on) or unticked; never more than one badge request holds. */
export function withSelected(
  selection: ReadonlySet<string>,
  ids: readonly string[],
  on: boolean,
): Set<string> {
  const next = new Set(selection);
  for (const id of ids) {
    if (!on) next.delete(id);
    else if (next.size < BADGE_IDS_MAX) next.add(id);
  }
  return next;
}

/** Whether the page's checkbox for "all on this page" is ticked, empty or in between. */
export function pageSelectionState(
  selection: ReadonlySet<string>,
  pageIds: readonly string[],
): 'all' | 'some' | 'none' {
  const n = pageIds.filter((id) => selection.has(id)).length;
  if (n === 0) return 'none';
  return n === pageIds.length ? 'all' : 'some';
}
