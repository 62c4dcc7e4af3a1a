// The Content-Security-Policy: the app's own files only, plus the inline blocks a built page
// carries (ticket.html's first-frame script, src/shared/ticket-boot.ts, and its inlined
// stylesheet: vite.config.ts), each allowed by its sha256 for that page alone. No
// 'unsafe-inline'. The hashes are taken from the page as served, so they always match it, and a
// service worker that keeps the page keeps the header that goes with it.
import { createHash } from 'node:crypto';

/** The text of a page's inline `<script>` and `<style>` blocks (no attributes: ours only). */
export interface InlineBlocks {
  scripts: string[];
  styles: string[];
}

const NONE: InlineBlocks = { scripts: [], styles: [] };

/** The inline blocks of a built page: `<script>…</script>` and `<style>…</style>` exactly. */
export function inlineBlocks(html: string): InlineBlocks {
  const blocks = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
  return { scripts: blocks('script'), styles: blocks('style') };
}

const hashed = (texts: string[]) =>
  texts.map((t) => ` 'sha256-${createHash('sha256').update(t).digest('base64')}'`).join('');

/** The policy for a response; `inline`: the blocks of the HTML page it carries. */
export function contentSecurityPolicy(inline: InlineBlocks = NONE): string {
  return (
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${hashed(inline.scripts)}; ` +
    `style-src 'self'${hashed(inline.styles)}; img-src 'self' data: blob:; ` +
    "connect-src 'self'; worker-src 'self' blob:; media-src 'self' blob:; manifest-src 'self'; " +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  );
}
