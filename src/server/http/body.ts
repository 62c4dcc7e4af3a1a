// Reads and validates JSON bodies: malformed JSON is a 400 naming the problem, a failed schema
// is a 400 listing each field, never a 500. Every string passes the one text rule first.
import type { Context } from 'hono';
import * as v from 'valibot';
import { stripInvisible } from '../../shared/roster/text.js';
import { fail } from './problem.js';

/** Deeper JSON than any body of ours: refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

const tooDeep = () =>
  fail(
    400,
    'json-too-deep',
    `Data bersarang terlalu dalam (maksimal ${MAX_JSON_DEPTH} tingkat)`,
    `Data nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
  );

/**
 * The text rule for everything the API reads: control, zero-width and bidi-override characters
 * go from every string and key (as the CSV import does, with the same function), so neither
 * store ever sees a NUL and no name can disguise itself; tabs and line breaks stay.
 */
export function cleanStrings(data: unknown, depth = 0): unknown {
  if (typeof data === 'string') return stripInvisible(data);
  if (data === null || typeof data !== 'object') return data;
  if (depth >= MAX_JSON_DEPTH) throw tooDeep();
  if (Array.isArray(data)) return data.map((x) => cleanStrings(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(data)) out[stripInvisible(k)] = cleanStrings(x, depth + 1);
  return out;
}

/** Parses the request body as JSON and validates it with a valibot schema. */
export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw fail(
      415,
      'unsupported-media-type',
      'Kirim data sebagai application/json',
      'Send the body as application/json',
    );
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw fail(400, 'invalid-json', 'JSON tidak valid', 'Invalid JSON', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  return validate(schema, data);
}

/** Validates already-parsed input (query strings, JSON) against a schema. */
export function validate<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, cleanStrings(data));
  if (result.success) return result.output;
  const issues = result.issues.map((i) => ({
    path: i.path?.map((p) => String(p.key)).join('.') || null,
    message: i.message,
  }));
  const fields = [...new Set(issues.map((i) => i.path).filter(Boolean))].join(', ');
  throw fail(
    400,
    'validation',
    `Data tidak valid${fields ? `: ${fields}` : ''}`,
    `Invalid data${fields ? `: ${fields}` : ''}`,
    { issues },
  );
}
