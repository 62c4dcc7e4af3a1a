// Reads and validates JSON bodies: malformed JSON is a 400 naming the problem, a failed schema
// is a 400 listing each field, never a 500.
import type { Context } from 'hono';
import * as v from 'valibot';
import { fail } from './problem.js';

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
  const result = v.safeParse(schema, data);
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
