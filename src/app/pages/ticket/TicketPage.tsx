// The participant's page. `/t#<token>` shows one ticket; `/t` lists the tickets saved on this
// phone. The token lives only in the fragment: it is never sent to the server.
import { useLocation } from '../../router';
import { SavedTicketList } from './SavedTicketList';
import { TicketView } from './TicketView';

export default function TicketPage(_props: { params: Record<string, string> }) {
  const { hash } = useLocation();
  // key: a different ticket starts from a clean state (no flash of the previous one).
  return hash ? <TicketView key={hash} hash={hash} /> : <SavedTicketList />;
}
