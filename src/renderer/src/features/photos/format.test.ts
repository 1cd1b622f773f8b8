import { describe, expect, it } from 'vitest';
import { formatBytes, formatDimensions, formatPreparation, savedPercent } from './format';

describe('photo sizes', () => {
  it('formats bytes in the interface language', () => {
    expect(formatBytes(850, 'id')).toBe('850 B');
    expect(formatBytes(120_832, 'id')).toBe('118 KB');
    expect(formatBytes(4.6 * 1024 * 1024, 'id')).toBe('4,6 MB');
    expect(formatBytes(4.6 * 1024 * 1024, 'en')).toBe('4.6 MB');
    expect(formatBytes(23.4 * 1024 * 1024, 'id')).toBe('23 MB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatBytes(1023.7 * 1024, 'en')).toBe('1 MB');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
  });

  it('shows pixel sizes without thousands separators', () => {
    expect(formatDimensions(6000, 4000)).toBe('6000×4000');
  });

  it('says what preparing the photo saved', () => {
    const item = { bytes: 120_832, width: 1067, height: 1600, original: { format: 'jpeg', width: 4000, height: 6000, bytes: 4.6 * 1024 * 1024 } };
    expect(formatPreparation(item, 'id')).toBe('4,6 MB · 4000×6000 → 118 KB · 1067×1600');
    expect(formatPreparation(item, 'en')).toBe('4.6 MB · 4000×6000 → 118 KB · 1067×1600');
    expect(savedPercent(item)).toBe(97);
    expect(savedPercent({ bytes: 2000, original: { format: 'png', width: 1, height: 1, bytes: 1000 } })).toBe(0);
  });
});
