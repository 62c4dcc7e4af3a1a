// How each verdict looks, sounds and feels: never colour alone (ARCHITECTURE.md, Verdicts), so a
// volunteer in sunlight, in a noisy hall, or colour-blind still tells them apart.
import type { VerdictKind } from './types.js';

/** Names of the icons the door draws; the app maps them to its SVGs. */
export type VerdictIcon =
  'check' | 'user-plus' | 'repeat' | 'map-pin' | 'clock' | 'ban' | 'question' | 'shield-alert';

/** A tone sequence for WebAudio; freq 0 is a silent gap between tones. */
export interface VerdictSound {
  tones: { freq: number; ms: number }[];
}

/** success: one short high beep; warning: two tones; error: one low, long buzz. */
export type VerdictTone = 'success' | 'warning' | 'error';

/** Everything about a verdict's look that does not depend on its details. */
export interface VerdictLook {
  tone: VerdictTone;
  /** #rrggbb pairs with WCAG AA contrast (≥ 4.5:1), tested. */
  colour: { background: string; text: string };
  icon: VerdictIcon;
  sound: VerdictSound;
  /** For navigator.vibrate: on, off, on… in ms. */
  vibration: number[];
}

const gap = { freq: 0, ms: 70 };

/** The table itself; every row differs from every other in colour, icon, sound and vibration. */
export const VERDICT_LOOKS: Readonly<Record<VerdictKind, VerdictLook>> = {
  admitted: {
    tone: 'success',
    colour: { background: '#1b5e20', text: '#ffffff' },
    icon: 'check',
    sound: { tones: [{ freq: 1320, ms: 120 }] },
    vibration: [80],
  },
  'valid-not-in-roster': {
    tone: 'warning',
    colour: { background: '#c8e6c9', text: '#0b3d12' },
    icon: 'user-plus',
    sound: { tones: [{ freq: 1320, ms: 100 }, gap, { freq: 1760, ms: 140 }] },
    vibration: [80, 60, 80],
  },
  'already-in': {
    tone: 'warning',
    colour: { background: '#ffb300', text: '#1a1a1a' },
    icon: 'repeat',
    sound: { tones: [{ freq: 880, ms: 150 }, gap, { freq: 880, ms: 150 }] },
    vibration: [200, 100, 200],
  },
  'wrong-wave': {
    tone: 'warning',
    colour: { background: '#0d47a1', text: '#ffffff' },
    icon: 'map-pin',
    sound: { tones: [{ freq: 660, ms: 150 }, gap, { freq: 990, ms: 220 }] },
    vibration: [200, 100, 200, 100, 200],
  },
  'wrong-session': {
    tone: 'warning',
    colour: { background: '#4a148c', text: '#ffffff' },
    icon: 'clock',
    sound: { tones: [{ freq: 990, ms: 150 }, gap, { freq: 660, ms: 220 }] },
    vibration: [400, 100, 200],
  },
  revoked: {
    tone: 'error',
    colour: { background: '#b71c1c', text: '#ffffff' },
    icon: 'ban',
    sound: { tones: [{ freq: 220, ms: 700 }] },
    vibration: [700],
  },
  'not-a-ticket': {
    tone: 'error',
    colour: { background: '#546e7a', text: '#ffffff' },
    icon: 'question',
    sound: { tones: [{ freq: 300, ms: 450 }] },
    vibration: [300],
  },
  forged: {
    tone: 'error',
    colour: { background: '#212121', text: '#ff8a80' },
    icon: 'shield-alert',
    sound: { tones: [{ freq: 150, ms: 1000 }] },
    vibration: [400, 150, 400, 150, 400],
  },
};

/** The look of one verdict kind (a fresh copy, safe to hand to navigator.vibrate or change). */
export function verdictLook(kind: VerdictKind): VerdictLook {
  const look = VERDICT_LOOKS[kind];
  return {
    tone: look.tone,
    colour: { ...look.colour },
    icon: look.icon,
    sound: { tones: look.sound.tones.map((t) => ({ ...t })) },
    vibration: [...look.vibration],
  };
}
