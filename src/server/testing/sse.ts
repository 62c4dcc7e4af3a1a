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
