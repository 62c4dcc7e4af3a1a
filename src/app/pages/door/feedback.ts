// Each verdict's sound and vibration (src/shared/door/look.ts): a volunteer looking at the queue,
// not the screen, still knows green from red. The AudioContext starts on the first tap or key,
// as browsers' autoplay rules require (https://developer.chrome.com/blog/autoplay).
import type { VerdictLook } from '../../../shared/door/look';

let audio: AudioContext | null = null;
let muted = false;

/** Creates or resumes the audio context; call from a user gesture. */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null; // no Web Audio: vibration and the screen still tell the verdict
  }
}

/** Turns the door's sounds off or on (a quiet hall, a ceremony). */
export function setMuted(value: boolean): void {
  muted = value;
}

/** Plays the verdict's tones and vibration pattern; never throws. */
export function giveFeedback(look: Pick<VerdictLook, 'sound' | 'vibration'>): void {
  try {
    navigator.vibrate?.(look.vibration);
  } catch {
    // Vibration is a courtesy.
  }
  if (muted || !audio || audio.state !== 'running') return;
  let at = audio.currentTime + 0.01;
  for (const tone of look.sound.tones) {
    const seconds = tone.ms / 1000;
    if (tone.freq > 0) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'square';
      osc.frequency.value = tone.freq;
      // A short ramp on both ends avoids clicks.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.2, at + 0.01);
      gain.gain.setValueAtTime(0.2, at + seconds - 0.02);
      gain.gain.linearRampToValueAtTime(0, at + seconds);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + seconds);
    }
    at += seconds;
  }
}
