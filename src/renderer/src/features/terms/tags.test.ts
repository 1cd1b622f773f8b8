import { describe, expect, it } from 'vitest';
import { addTags, cleanTagName, removeTag, tagSuggestions } from './tags';

describe('addTags', () => {
  it('adds trimmed names and splits on commas (typed or pasted)', () => {
    expect(addTags(['Banjir'], '  Tenggarong ,BPBD Kukar,, ')).toEqual({ tags: ['Banjir', 'Tenggarong', 'BPBD Kukar'], added: ['Tenggarong', 'BPBD Kukar'], skipped: [] });
    expect(cleanTagName('  Sungai   Mahakam ')).toBe('Sungai Mahakam');
  });

  it('treats names that differ in case or spacing as the same tag', () => {
    const result = addTags(['Banjir'], ' banjir , BANJIR');
    expect(result.tags).toEqual(['Banjir']);
    expect(result.skipped).toEqual([
      { name: 'banjir', reason: 'duplicate' },
      { name: 'BANJIR', reason: 'duplicate' },
    ]);
  });

  it('keeps to the per-article limit and the name length', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => `tag ${i}`);
    const result = addTags(nineteen, 'satu, dua');
    expect(result.tags).toHaveLength(20);
    expect(result.added).toEqual(['satu']);
    expect(result.skipped).toEqual([{ name: 'dua', reason: 'limit' }]);
    expect(addTags([], 'x'.repeat(61)).skipped).toEqual([{ name: 'x'.repeat(61), reason: 'tooLong' }]);
    expect(addTags([], 'x'.repeat(60)).added).toHaveLength(1);
  });

  it('does nothing with only separators and spaces', () => {
    expect(addTags(['a'], ' , ,')).toEqual({ tags: ['a'], added: [], skipped: [] });
  });
});

describe('removeTag', () => {
  it('removes by name regardless of case', () => {
    expect(removeTag(['Banjir', 'Tenggarong'], 'banjir')).toEqual(['Tenggarong']);
  });
});

describe('tagSuggestions', () => {
  const known = ['Banjir', 'Banjir Rob', 'Jalan Rusak', 'Pilkada Kukar', 'Kukar'];
  it('offers names starting with the text first, then names containing it, leaving out chosen ones', () => {
    expect(tagSuggestions(known, ['Banjir'], 'ban')).toEqual(['Banjir Rob']);
    expect(tagSuggestions(known, [], 'kukar')).toEqual(['Kukar', 'Pilkada Kukar']);
    expect(tagSuggestions(known, ['kukar'], '')).toEqual(['Banjir', 'Banjir Rob', 'Jalan Rusak', 'Pilkada Kukar']);
    expect(tagSuggestions(known, [], '', 2)).toEqual(['Banjir', 'Banjir Rob']);
  });
});
