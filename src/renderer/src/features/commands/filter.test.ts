import { describe, expect, it } from 'vitest';
import { filterCommands } from './filter';

const entries = [
  { id: 'bold', label: 'Tebal', available: false },
  { id: 'new-article', label: 'Naskah baru', available: true },
  { id: 'search', label: 'Cari naskah', available: true },
  { id: 'heading2', label: 'Bagian H2', available: false },
];

describe('command palette filter', () => {
  it('lists everything for an empty query, available commands first', () => {
    expect(filterCommands(entries, '  ').map((e) => e.id)).toEqual(['new-article', 'search', 'bold', 'heading2']);
  });

  it('matches every typed word in any order, ignoring case', () => {
    expect(filterCommands(entries, 'NASKAH').map((e) => e.id)).toEqual(['new-article', 'search']);
    expect(filterCommands(entries, 'baru naskah').map((e) => e.id)).toEqual(['new-article']);
    expect(filterCommands(entries, 'h2').map((e) => e.id)).toEqual(['heading2']);
    expect(filterCommands(entries, 'kutipan')).toEqual([]);
  });

  it('ignores accents', () => {
    expect(filterCommands([{ id: 'x', label: 'Café', available: true }], 'cafe').map((e) => e.id)).toEqual(['x']);
  });
});
