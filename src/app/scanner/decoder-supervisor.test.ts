import type { Mock } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecoderHealth } from './decoder-supervisor';
import { superviseDecoder } from './decoder-supervisor';

const image = { width: 4, height: 4 } as ImageData;

/** A decoder that reads `text` until killed, after which every decode fails like a dead worker. */
function fakeDecoder(text: string) {
  let dead = false;
  return {
    closed: false,
    kill: () => void (dead = true),
    decode: vi.fn(async () => {
      if (dead) throw new Error('decode worker failed');
      return [text];
    }),
    close() {
      this.closed = true;
    },
  };
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('superviseDecoder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restarts a decoder whose worker died, and reads again', async () => {
    const made: ReturnType<typeof fakeDecoder>[] = [];
    const health: DecoderHealth[] = [];
    const s = superviseDecoder({
      create: async () => {
        const d = fakeDecoder(`H1.${made.length}`);
        made.push(d);
        return d;
      },
      onHealth: (h) => health.push(h),
    });
    await settle();
    expect(await s.decode(image)).toEqual(['H1.0']);
    made[0]!.kill();
    for (let i = 0; i < 3; i++) await expect(s.decode(image)).rejects.toThrow('worker failed');
    await settle();
    expect(made[0]!.closed).toBe(true);
    expect(await s.decode(image)).toEqual(['H1.1']);
    expect(health).toEqual(['starting', 'ready', 'restarting', 'ready']);
  });

  it('a single bad frame is not a dead decoder', async () => {
    const d = fakeDecoder('x');
    d.decode.mockRejectedValueOnce(new Error('bad frame')).mockRejectedValueOnce(new Error('bad'));
    const create = vi.fn(async () => d);
    const s = superviseDecoder({ create, onHealth() {} });
    await settle();
    await expect(s.decode(image)).rejects.toThrow();
    await expect(s.decode(image)).rejects.toThrow();
    expect(await s.decode(image)).toEqual(['x']);
    await expect(s.decode(image)).resolves.toEqual(['x']);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('says "failed" when restarts keep failing, and starts over on retry', async () => {
    const health: DecoderHealth[] = [];
    let fail = true;
    const s = superviseDecoder({
      create: async () => {
        if (fail) throw new Error('no WebAssembly memory');
        return fakeDecoder('ok');
      },
      onHealth: (h) => health.push(h),
      retryDelayMs: 100,
    });
    for (let i = 0; i < 6; i++) {
      await settle();
      vi.advanceTimersByTime(100);
    }
    expect(health.at(-1)).toBe('failed');
    expect(health.filter((h) => h === 'restarting')).toHaveLength(3);
    expect(await s.decode(image)).toEqual([]); // nothing decodes, and the view says so
    fail = false;
    s.retry();
    await settle();
    expect(health.at(-1)).toBe('ready');
    expect(await s.decode(image)).toEqual(['ok']);
  });

  it('closes a decoder that arrives after close()', async () => {
    const d = fakeDecoder('late');
    let resolve!: (v: typeof d) => void;
    const s = superviseDecoder({ create: () => new Promise((r) => (resolve = r)), onHealth() {} });
    s.close();
    resolve(d);
    await settle();
    expect(d.closed).toBe(true);
  });

  it('offers the frame path only while the running decoder reads frames', async () => {
    const region = { sx: 0, sy: 0, sw: 4, sh: 4, dw: 4, dh: 4 };
    const frame = () => ({ close: vi.fn() }) as unknown as VideoFrame & { close: Mock };
    const worker = { ...fakeDecoder('w'), decodeFrame: vi.fn(async () => ['H1.W']) };
    const page = fakeDecoder('p');
    const made = [worker, page];
    const s = superviseDecoder({ create: async () => made.shift()!, onHealth() {} });
    expect(s.decodeFrame).toBeUndefined(); // Still starting.
    await settle();
    const first = frame();
    expect(await s.decodeFrame!(first, region)).toEqual(['H1.W']);
    expect(worker.decodeFrame).toHaveBeenCalledWith(first, region);
    expect(first.close).not.toHaveBeenCalled(); // The decoder owns it now.

    // A stale reference after a restart onto a page-thread decoder: the frame is skipped, freed.
    const stale = s.decodeFrame!;
    worker.decodeFrame.mockRejectedValue(new Error('decode worker failed'));
    for (let i = 0; i < 3; i++) await expect(stale(frame(), region)).rejects.toThrow('failed');
    await settle();
    expect(s.decodeFrame).toBeUndefined();
    const late = frame();
    expect(await stale(late, region)).toEqual([]);
    expect(late.close).toHaveBeenCalled();
    expect(await s.decode(image)).toEqual(['p']);
  });
});
