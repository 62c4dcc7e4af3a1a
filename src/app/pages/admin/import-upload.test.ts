import { describe, expect, it } from 'vitest';
import { failureFrom, takeLines } from './import-upload';

describe('NDJSON line splitting', () => {
  it('keeps the unfinished tail', () => {
    expect(takeLines('{"a":1}\n{"b"')).toEqual({ lines: ['{"a":1}'], rest: '{"b"' });
    expect(takeLines('{"a":1}\n\n{"b":2}\n')).toEqual({ lines: ['{"a":1}', '{"b":2}'], rest: '' });
    expect(takeLines('')).toEqual({ lines: [], rest: '' });
  });
});

describe('error answers', () => {
  it('reads the bilingual message', () => {
    const f = failureFrom(
      400,
      JSON.stringify({
        error: { code: 'csv-binary', message: 'x', messages: { id: 'Bukan CSV', en: 'Not a CSV' } },
      }),
    );
    expect(f.code).toBe('csv-binary');
    expect(f.messages.en).toBe('Not a CSV');
  });
  it('explains a 413 without a body', () => {
    expect(failureFrom(413, '').code).toBe('payload-too-large');
    expect(failureFrom(502, 'Bad gateway').messages.id).toBe('Galat 502');
  });
});
