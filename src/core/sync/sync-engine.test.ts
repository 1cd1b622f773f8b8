import { describe, expect, it } from 'vitest';
import { missedSchedule } from './sync-engine';

describe('missed schedule', () => {
  it('is flagged only when the portal still has a scheduled post as future after its time', () => {
    const nine = Date.UTC(2026, 11, 2, 1, 0, 0); // 09:00 WITA
    expect(missedSchedule('scheduled', 'future', nine, nine + 5 * 60_000)).toBe(true);
    expect(missedSchedule('scheduled', 'future', nine, nine + 30_000)).toBe(false);
    expect(missedSchedule('scheduled', 'publish', nine, nine + 5 * 60_000)).toBe(false);
    expect(missedSchedule('approved', 'future', nine, nine + 5 * 60_000)).toBe(false);
    expect(missedSchedule('scheduled', 'future', null, nine)).toBe(false);
  });
});
