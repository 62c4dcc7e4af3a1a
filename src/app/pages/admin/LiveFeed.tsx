// The live feed of the attendance page: one line per scan from any door, in words — time
// (corrected, WIB), who, door, tablet, volunteer and what the door said.
import type { LiveScan } from '../../../shared/api/attendance';
import type { WaveInfo } from '../../../shared/api/schemas';
import type { HolderWave } from '../../../shared/door/scan-words';
import { scanAdmits, scanWords } from '../../../shared/door/scan-words';
import { pickText, useLang } from '../../i18n/i18n';
import { feedText } from './feed-text';
import { formatWibClock } from './wib-time';

function holderOf(scan: LiveScan, waves: WaveInfo[]): HolderWave | undefined {
  const wave = waves.find((w) => w.id === scan.person?.waveId);
  return wave && { name: wave.name, venue: wave.venue, startsAt: wave.startsAt };
}

/** The newest scans first; a refusal is marked apart from an admission. */
export function LiveFeed(props: { scans: LiveScan[]; waves: WaveInfo[] }) {
  const lang = useLang();
  const t = feedText[lang];
  return (
    <>
      <h2>{t.latest}</h2>
      {props.scans.length === 0 ? (
        <p class="muted">{t.waitingLive}</p>
      ) : (
        <ol class="live-feed" data-testid="live-feed">
          {props.scans.map((s) => {
            const admitted = scanAdmits(s);
            return (
              <li key={s.id} data-scan={s.id} class={admitted ? 'admitted' : 'refused'}>
                <span class="feed-time">{formatWibClock(s.correctedTime, lang)}</span>{' '}
                <strong>{s.person?.name ?? t.unknownPerson}</strong>
                {s.person?.business && <span class="muted"> · {s.person.business}</span>}
                <span class="muted">
                  {' '}
                  · {s.door} · {s.deviceName ?? s.deviceId}
                  {s.volunteer && ` · ${s.volunteer}`}
                </span>
                {' — '}
                <span class={admitted ? 'verdict ok' : 'verdict no'} data-testid="feed-verdict">
                  {pickText(scanWords(s, holderOf(s, props.waves)), lang)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
