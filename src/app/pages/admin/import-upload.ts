// The two network steps of a roster import: upload the CSV for a preview (XMLHttpRequest, for
// upload progress), then commit it and follow the server's NDJSON progress stream.
import type {
  ApiError,
  ImportPreview,
  ImportProgressLine,
  ImportResult,
} from '../../../shared/api/schemas';
import { ApiFailure } from '../../lib/api';
import { redirectIfSignedOut } from './admin-api';

/** The server's limit for an uploaded CSV (docs/api.md). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export const tooLarge = new ApiFailure(413, 'payload-too-large', {
  id: 'Berkas terlalu besar (maksimal 20 MB). Pecah menjadi beberapa berkas.',
  en: 'The file is too large (at most 20 MB). Split it into several files.',
});

const offline = new ApiFailure(0, 'offline', {
  id: 'Tidak ada koneksi ke server. Coba lagi saat online.',
  en: 'No connection to the server. Try again when online.',
});

const cutOff = new ApiFailure(0, 'import-interrupted', {
  id: 'Sambungan terputus sebelum hasil impor diterima. Periksa daftar peserta sebelum mengimpor ulang.',
  en: 'The connection dropped before the import result arrived. Check the participant list before importing again.',
});

/** An ApiFailure from an error answer's status and body text. */
export function failureFrom(status: number, body: string): ApiFailure {
  let err: ApiError['error'] | undefined;
  try {
    err = (JSON.parse(body) as ApiError).error;
  } catch {
    err = undefined;
  }
  if (status === 413 && !err?.messages) return tooLarge;
  return new ApiFailure(
    status,
    err?.code ?? `http-${status}`,
    err?.messages ?? {
      id: err?.message ?? `Galat ${status}`,
      en: err?.message ?? `Error ${status}`,
    },
    err?.details,
  );
}

/** POSTs the raw file for a preview; `onProgress` gets the fraction uploaded (0..1). */
export function uploadPreview(opts: {
  eventId: string;
  waveId: string;
  file: File;
  /** The workbook sheet to read, when an .xlsx has several. */
  sheet?: string | null;
  onProgress: (fraction: number) => void;
}): Promise<ImportPreview> {
  if (opts.file.size > MAX_CSV_BYTES) return Promise.reject(tooLarge);
  const params = new URLSearchParams();
  if (opts.waveId) params.set('wave', opts.waveId);
  if (opts.sheet) params.set('sheet', opts.sheet);
  const query = params.toString() === '' ? '' : `?${params.toString()}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/events/${encodeURIComponent(opts.eventId)}/import/preview${query}`);
    // The server tells an .xlsx from a CSV by its bytes; the type is for the logs and proxies.
    xhr.setRequestHeader('content-type', opts.file.type || 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportPreview);
        } catch {
          reject(failureFrom(xhr.status, ''));
        }
        return;
      }
      const failure = failureFrom(xhr.status, xhr.responseText);
      redirectIfSignedOut(failure);
      reject(failure);
    };
    xhr.onerror = () => reject(offline);
    xhr.send(opts.file);
  });
}

/** Splits streamed text into complete lines, keeping the unfinished tail for the next chunk. */
export function takeLines(buffer: string): { lines: string[]; rest: string } {
  const parts = buffer.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((l) => l.trim()).filter(Boolean), rest };
}

/** Commits a previewed import, reporting progress lines until the result arrives. */
export async function commitImport(opts: {
  eventId: string;
  draftId: string;
  onProgress: (done: number, total: number) => void;
}): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/events/${encodeURIComponent(opts.eventId)}/import/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ draftId: opts.draftId }),
      credentials: 'same-origin',
    });
  } catch {
    throw offline;
  }
  if (!res.ok || !res.body) {
    const failure = failureFrom(res.status, await res.text().catch(() => ''));
    redirectIfSignedOut(failure);
    throw failure;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw cutOff;
    }
    buffer += chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
    const { lines, rest } = takeLines(chunk.done ? buffer + '\n' : buffer);
    buffer = rest;
    for (const text of lines) {
      let line: ImportProgressLine;
      try {
        line = JSON.parse(text) as ImportProgressLine;
      } catch {
        continue;
      }
      if (line.type === 'progress') opts.onProgress(line.done, line.total);
      else if (line.type === 'done') return line.result;
      else if (line.type === 'error') throw failureFrom(409, JSON.stringify({ error: line.error }));
    }
    if (chunk.done) throw cutOff;
  }
}
