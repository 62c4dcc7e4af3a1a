// Reading a server-sent-events response in tests, without a browser's EventSource.

/** Reads SSE text from a response until `until` matches, or fails after `ms`. */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  seen: { text: string },
  until: RegExp,
  ms = 5000,
): Promise<string> {
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  while (!until.test(seen.text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no ${until} in: ${seen.text}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), left)),
    ]);
    if (chunk.done) throw new Error(`stream ended: ${seen.text}`);
    seen.text += decoder.decode(chunk.value, { stream: true });
  }
  return seen.text;
}

/** A stream read continuously in the background: what arrived so far, and a way to wait. */
export interface SseTap {
  text(): string;
  waitFor(until: RegExp, ms?: number): Promise<string>;
  close(): Promise<void>;
}

/** Starts reading a server-sent-events response into memory, so a test can look at any time. */
export function tapSse(res: Response): SseTap {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const done = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
    }
  })();
  return {
    text: () => text,
    async waitFor(until, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!until.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${until} in: ${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return text;
    },
    async close() {
      await reader.cancel().catch(() => undefined);
      await done;
    },
  };
}
