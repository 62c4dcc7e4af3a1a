// Typed fetch for the organizer pages: JSON in, JSON out, errors as ApiFailure with both languages.
import type { ApiError } from '../../shared/api/schemas';

/** An API answer that was not 2xx, or no answer at all (offline). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { id: string; en: string },
    readonly details?: unknown,
  ) {
    super(`${messages.id} / ${messages.en}`);
  }
}

const offline = {
  id: 'Tidak ada koneksi ke server. Coba lagi saat online.',
  en: 'No connection to the server. Try again when online.',
};

/** Calls the API; throws ApiFailure with a bilingual message on any failure. */
export async function api<T>(
  path: string,
  opts: {
    method?: string;
    body?: unknown;
    raw?: BodyInit;
    contentType?: string;
    /** A door device's token, sent as a bearer token. */
    token?: string;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  let res: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      if (opts.contentType) headers['content-type'] = opts.contentType;
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    res = await fetch(path, {
      method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiFailure(0, 'offline', offline);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as ApiError | null)?.error;
    throw new ApiFailure(
      res.status,
      err?.code ?? 'http-' + res.status,
      err?.messages ?? {
        id: err?.message ?? `Galat ${res.status}`,
        en: err?.message ?? `Error ${res.status}`,
      },
      err?.details,
    );
  }
  return data as T;
}
