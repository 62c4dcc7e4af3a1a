// UTF-8 for shared code: the runtime's own TextEncoder/TextDecoder (in every browser and Node),
// declared here because the shared code's lib has neither DOM nor Node types.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (
  label: 'utf-8',
  opts: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

export const utf8Encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Strict: throws on bytes that are not valid UTF-8. */
export const utf8Decode = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { fatal: true }).decode(bytes);
