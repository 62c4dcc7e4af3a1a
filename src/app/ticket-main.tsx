// The ticket page's own entry (ticket.html, answered for /t): small on purpose. The page's inline
// script (src/shared/ticket-boot.ts) loads it, after the first frame has painted when the phone
// kept the ticket's page, together with every file of ticket-app.tsx; evaluating this entry and
// then the rest are two tasks rather than one long one on a slow phone.
import { markOnce } from './lib/marks';
import './base.css';
import './pages/ticket/ticket.css';

markOnce('main');
void import('./ticket-app');
