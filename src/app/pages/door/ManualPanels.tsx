// By hand, for a dead phone or a forgotten ticket: search the roster by name, business or the
// last phone digits (indexed, never a table scan) and check in from the result; or register a
// walk-in who is not on the roster at all.
import { useState } from 'preact/hooks';
import type { RosterEntry } from '../../db';
import { useRosterSearch } from '../../db';
import { pickText, useLang } from '../../i18n/i18n';

type Bi = { id: string; en: string };

/** A dialog-like panel over the door screen. */
function Panel(props: {
  title: string;
  onClose: () => void;
  children: preact.ComponentChildren;
  testid: string;
}) {
  const lang = useLang();
  return (
    <div
      class="door-panel"
      role="dialog"
      aria-modal="false"
      aria-label={props.title}
      data-testid={props.testid}
    >
      <div class="door-panel-head">
        <h2>{props.title}</h2>
        <button type="button" onClick={props.onClose}>
          {pickText({ id: 'Tutup', en: 'Close' }, lang)}
        </button>
      </div>
      {props.children}
    </div>
  );
}

/** Roster search with a check-in button on each result. */
export function SearchPanel(props: {
  onCheckIn: (entry: RosterEntry) => void;
  onClose: () => void;
  waveName: (waveId: string) => string;
}) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [query, setQuery] = useState('');
  const results = useRosterSearch(query, 20);
  const searching = query.trim().length > 0;
  return (
    <Panel
      title={tx({ id: 'Cari peserta', en: 'Find a participant' })}
      onClose={props.onClose}
      testid="search-panel"
    >
      <label for="roster-search">
        {tx({
          id: 'Nama, usaha, atau 4 angka terakhir HP',
          en: 'Name, business, or last 4 phone digits',
        })}
      </label>
      <input
        id="roster-search"
        type="search"
        autoFocus
        autoComplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {searching && results && results.length === 0 && (
        <p role="status">{tx({ id: 'Tidak ditemukan.', en: 'No match.' })}</p>
      )}
      <ul class="search-results" data-testid="search-results">
        {searching &&
          results?.map((r) => (
            <li key={r.participantId}>
              <div>
                <strong>{r.name}</strong>
                {r.business && <span> · {r.business}</span>}
                <div class="door-note">
                  {props.waveName(r.waveId)} · HP …{r.phoneLast4}
                  {r.status === 'cancelled' && ` · ${tx({ id: 'dibatalkan', en: 'cancelled' })}`}
                </div>
              </div>
              <button type="button" class="primary" onClick={() => props.onCheckIn(r)}>
                {tx({ id: 'Check-in', en: 'Check in' })}
              </button>
            </li>
          ))}
      </ul>
    </Panel>
  );
}

/** Indonesian mobile numbers as people type them: 08…, 628…, +628…; digits 9–15. */
export function walkInPhoneOk(phone: string): boolean {
  const digits = phone.replace(/[\s.-]/g, '');
  return /^(\+?62|0)\d{8,13}$/.test(digits);
}

/** Registers someone not on the roster; they are admitted at once and flagged. */
export function WalkInPanel(props: {
  onRegister: (walkIn: { name: string; business: string; phone: string }) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const tx = (m: Bi) => pickText(m, lang);
  const [name, setName] = useState('');
  const [business, setBusiness] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<Bi | null>(null);
  return (
    <Panel
      title={tx({ id: 'Peserta tanpa tiket', en: 'Walk-in' })}
      onClose={props.onClose}
      testid="walk-in-panel"
    >
      <p class="door-note">
        {tx({
          id: 'Untuk yang tidak ada di daftar. Langsung masuk dan ditandai untuk diperiksa panitia.',
          en: 'For people not on the roster. Admitted at once and flagged for the organizer to check.',
        })}
      </p>
      <form
        class="door-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setProblem({ id: 'Nama wajib diisi.', en: 'Name is required.' });
          if (!walkInPhoneOk(phone))
            return setProblem({
              id: 'Nomor HP tidak valid (contoh 0812 3456 7890).',
              en: 'Phone number not valid (e.g. 0812 3456 7890).',
            });
          props.onRegister({ name: name.trim(), business: business.trim(), phone: phone.trim() });
        }}
      >
        <label for="walkin-name">{tx({ id: 'Nama', en: 'Name' })}</label>
        <input
          id="walkin-name"
          autoFocus
          maxLength={120}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label for="walkin-business">
          {tx({ id: 'Nama usaha / koperasi', en: 'Business / cooperative' })}
        </label>
        <input
          id="walkin-business"
          maxLength={160}
          value={business}
          onInput={(e) => setBusiness(e.currentTarget.value)}
        />
        <label for="walkin-phone">{tx({ id: 'Nomor HP', en: 'Phone number' })}</label>
        <input
          id="walkin-phone"
          type="tel"
          inputMode="tel"
          maxLength={20}
          value={phone}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        {problem && (
          <p class="notice problem" role="alert">
            {tx(problem)}
          </p>
        )}
        <button type="submit" class="primary">
          {tx({ id: 'Daftarkan dan masukkan', en: 'Register and admit' })}
        </button>
      </form>
    </Panel>
  );
}
