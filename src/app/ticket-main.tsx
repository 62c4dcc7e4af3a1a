// The ticket page's own entry (ticket.html, answered for /t): small on purpose. When the phone
// kept the ticket's page (src/shared/ticket-boot.ts put it in place before any module), the rest
// of the code (ticket-app.tsx) is evaluated only after that first frame has painted: a budget
// phone shows the QR first and runs the code after. The build lists ticket-app's files in
// ticket.html for preloading (vite.config.ts), so they arrive with the page all the same.
import { markOnce } from './lib/marks';
import { afterPaint } from './lib/after-paint';
import './base.css';
import './pages/ticket/ticket.css';

markOnce('main');
const load = () => void import('./ticket-app');
if (document.getElementById('app')?.firstElementChild) afterPaint(load);
else load();
