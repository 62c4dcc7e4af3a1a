// The ticket page's state: parse the token from the fragment, show the saved copy at once, then
// ask the server for fresh details and keep them. The network only ever adds to what is shown.
import { useEffect, useState } from 'preact/hooks';
import type { TicketInfo } from '../../../shared/api/schemas';
import { formatTicket, parseTicket } from '../../../shared/ticket/codec';
import type { SavedTicket } from '../../ticket-store/saved-tickets';
import { getSavedTicket, saveTicket } from '../../ticket-store/saved-tickets';
import { measured } from '../../lib/marks';
import { fetchTicketInfo } from './fetch-ticket-info';

export type TicketState =
  | { kind: 'invalid' }
  | {
      kind: 'ticket';
      /** The canonical token text (upper case), what the QR encodes. */
      token: string;
      participantId: string;
      version: number;
      /** The best known details: fresh from the server, else the saved copy, else none. */
      info: TicketInfo | null;
      source: 'network' | 'saved' | null;
      savedAt: string | null;
      loading: boolean;
      /** The server answered that it has no such ticket. */
      unknown: boolean;
      /** What the server said of a ticket it gave no details for (cancelled or replaced). */
      status: 'cancelled' | 'superseded' | null;
      /** A newer ticket of the same participant kept on this phone. */
      newer: SavedTicket | null;
      saveFailed: boolean;
    };

/** Reads the token from a location fragment; messengers sometimes percent-encode it. */
function tokenText(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** The initial state for a fragment: synchronous, from the phone alone. */
export function initialTicketState(hash: string): TicketState {
  const parsed = parseTicket(tokenText(hash));
  if (!parsed.ok) return { kind: 'invalid' };
  const { participantId, version } = parsed.payload;
  const saved = measured('saved-read', () => getSavedTicket(participantId));
  const same = saved?.info.version === version ? saved : null;
  return {
    kind: 'ticket',
    token: formatTicket(parsed.payloadBytes, parsed.signature),
    participantId,
    version,
    info: same?.info ?? null,
    source: same ? 'saved' : null,
    savedAt: same?.savedAt ?? null,
    loading: true,
    unknown: false,
    status: null,
    newer: saved && saved.info.version > version ? saved : null,
    saveFailed: false,
  };
}

/** The ticket for the current fragment, refreshed from the server when it can be reached. */
export function useTicket(hash: string): TicketState {
  // Read from the phone once for the first render; the effect starts from the same state unless
  // the fragment changed since (the ticket page keys this component by it, so it rarely does).
  const [first] = useState(() => ({ hash, state: initialTicketState(hash) }));
  const [state, setState] = useState(first.state);

  useEffect(() => {
    const start = first.hash === hash ? first.state : initialTicketState(hash);
    setState(start);
    if (start.kind !== 'ticket') return;
    let live = true;
    const { participantId, version, token } = start;
    void fetchTicketInfo({ token, participantId, version }).then((answer) => {
      if (!live) return;
      if (answer.kind === 'unreachable') return setState({ ...start, loading: false });
      if (answer.kind === 'unknown') return setState({ ...start, loading: false, unknown: true });
      if (answer.kind === 'status') {
        // A cancelled or replaced ticket gets no details from the server: keep the ones this
        // phone saved (marked with the news), or show the status alone.
        const info = start.info ? { ...start.info, status: answer.status } : null;
        const kept = info ? saveTicket({ token, info }) : null;
        return setState({
          ...start,
          info,
          status: answer.status,
          loading: false,
          savedAt: kept?.savedAt ?? start.savedAt,
        });
      }
      const kept = saveTicket({ token: start.token, info: answer.info });
      setState({
        ...start,
        info: answer.info,
        source: 'network',
        savedAt: kept?.savedAt ?? null,
        loading: false,
        newer: kept && kept.info.version > version ? kept : start.newer,
        saveFailed: kept === null,
      });
    });
    return () => {
      live = false;
    };
  }, [hash]);

  return state;
}
