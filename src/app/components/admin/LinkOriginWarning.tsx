import type { SendKind } from '../../../shared/api/sending';
import type { LinkOrigin } from '../../../shared/sending/link-origin';
import { useLang } from '../../i18n/i18n';
import { useApiData } from '../../pages/admin/admin-api';
import { linkOriginWarning } from '../../pages/admin/link-origin-text';

/**
 * The warning every sending and export page shows when ticket (or certificate) links would be
 * dead on phones (localhost, a LAN address, plain http). Asks the server unless the page
 * already knows.
 */
export function LinkOriginWarning(props: { origin?: LinkOrigin | null; kind?: SendKind }) {
  const lang = useLang();
  const asked = useApiData<LinkOrigin>(props.origin === undefined ? '/api/link-origin' : null);
  const origin = props.origin === undefined ? asked.data : props.origin;
  const warning = origin ? linkOriginWarning(origin, lang, props.kind) : null;
  if (!warning) return null;
  return (
    <div class="notice link-warning" role="alert" data-testid="link-origin-warning">
      <strong>{warning.title}</strong> {warning.body}
    </div>
  );
}
