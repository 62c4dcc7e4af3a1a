// Where ticket links point, and whether a participant's phone could open them. Links built from
// the address the organizer happens to browse from (localhost, the office LAN) are dead on a
// phone on mobile data; this names the problem so the console can say so and the queue can
// refuse to send them.

/** Why links at an origin would not open on participants' phones. */
export type LinkOriginProblem = 'local' | 'private' | 'plain-http' | 'invalid';

/** The origin ticket links use and its problem, as the console shows it. */
export interface LinkOrigin {
  origin: string;
  /** null when the links are fine to send. */
  problem: LinkOriginProblem | null;
  /** True when the origin comes from PUBLIC_URL rather than the organizer's own address. */
  fromPublicUrl: boolean;
}

const ipv4 = (host: string): number[] | null => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
};

function ipv4Problem([a, b]: number[]): LinkOriginProblem | null {
  if (a === 127 || a === 0) return 'local';
  if (a === 10) return 'private';
  if (a === 172 && b! >= 16 && b! <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private';
  return null;
}

function ipv6Problem(host: string): LinkOriginProblem | null {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return 'local';
  // IPv4-mapped (::ffff:7f00:1 as URL writes ::ffff:127.0.0.1).
  const mapped = /^::ffff:(.+)$/.exec(h);
  if (mapped) {
    const v4 = ipv4(mapped[1]!);
    if (v4) return ipv4Problem(v4);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped[1]!);
    if (hex) {
      const hi = parseInt(hex[1]!, 16);
      const lo = parseInt(hex[2]!, 16);
      return ipv4Problem([hi >> 8, hi & 255, lo >> 8, lo & 255]);
    }
  }
  const first = parseInt(h.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local
  if ((first & 0xffc0) === 0xfe80) return 'private'; // fe80::/10, link local
  return null;
}

/** The problem with ticket links at `origin` (e.g. "http://localhost:8080"), or null. */
export function linkOriginProblem(origin: string): LinkOriginProblem | null {
  // By hand: shared code has no URL class in every runtime's typings, and an origin is simple.
  const m = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^/:?#[\]\s@]+)(:\d{1,5})?\/*$/i.exec(origin.trim());
  if (!m) return 'invalid';
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase().replace(/\.$/, '');
  let problem: LinkOriginProblem | null = null;
  if (host.startsWith('[')) problem = ipv6Problem(host.slice(1, -1));
  else if (host === 'localhost' || host.endsWith('.localhost')) problem = 'local';
  else if (host.endsWith('.local') || !host.includes('.')) problem = 'private';
  else {
    const v4 = ipv4(host);
    if (v4) problem = ipv4Problem(v4);
  }
  if (problem) return problem;
  return scheme === 'http' ? 'plain-http' : null;
}
