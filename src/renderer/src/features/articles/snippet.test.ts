import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits marked words from plain text', () => {
    expect(parseSnippet('Bupati \u0001Kukar\u0002 meresmikan \u0001jembatan\u0002 baru')).toEqual([
      { text: 'Bupati ', match: false },
      { text: 'Kukar', match: true },
      { text: ' meresmikan ', match: false },
      { text: 'jembatan', match: true },
      { text: ' baru', match: false },
    ]);
  });

  it('keeps markup-looking text as plain text', () => {
    const segments = parseSnippet('<img src=x onerror=alert(1)> \u0001<b>\u0002');
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: '<b>', match: true },
    ]);
  });

  it('tolerates unbalanced and adjacent markers', () => {
    expect(parseSnippet('\u0001Samarinda')).toEqual([{ text: 'Samarinda', match: true }]);
    expect(parseSnippet('kata\u0002 lain')).toEqual([{ text: 'kata lain', match: false }]);
    expect(parseSnippet('\u0001anak\u0002\u0001-anak\u0002')).toEqual([{ text: 'anak-anak', match: true }]);
    expect(parseSnippet('')).toEqual([]);
  });

  it('turns other control characters into spaces', () => {
    expect(parseSnippet('baris\nbaru\u0000x')).toEqual([{ text: 'baris baru x', match: false }]);
  });
});
