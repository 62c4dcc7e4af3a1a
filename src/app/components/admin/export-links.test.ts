import { describe, expect, it } from 'vitest';
import { exportHrefs, exportLinksText } from './export-links';

describe('exportHrefs', () => {
  it("leaves ';' to the server's default and asks for ',' by name", () => {
    expect(exportHrefs('/api/events/E1/attendance', {}, 'semicolon')).toEqual({
      xlsx: '/api/events/E1/attendance.xlsx',
      csv: '/api/events/E1/attendance.csv',
    });
    expect(exportHrefs('/api/events/E1/attendance', {}, 'comma').csv).toBe(
      '/api/events/E1/attendance.csv?sep=comma',
    );
  });

  it('keeps the wave shown, in both files, and skips empty values', () => {
    expect(exportHrefs('/api/events/E1/tickets', { wave: 'W 1' }, 'comma')).toEqual({
      xlsx: '/api/events/E1/tickets.xlsx?wave=W+1',
      csv: '/api/events/E1/tickets.csv?wave=W+1&sep=comma',
    });
    expect(exportHrefs('/api/events/E1/tickets', { wave: undefined }, 'semicolon').xlsx).toBe(
      '/api/events/E1/tickets.xlsx',
    );
  });

  it('says the same things in both languages', () => {
    expect(Object.keys(exportLinksText.en)).toEqual(Object.keys(exportLinksText.id));
    expect(exportLinksText.id.xlsx).toBe('Unduh Excel (.xlsx)');
  });
});
