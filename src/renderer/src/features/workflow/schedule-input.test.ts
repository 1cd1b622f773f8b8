import { describe, expect, it } from 'vitest';
import { checkPublishInput, initialPublishInput, minPublishInput } from './schedule-input';

// 25 Nov 2026 15:30 UTC = 23:30 WITA: late evening in the newsroom, morning in New York.
const NOW = Date.UTC(2026, 10, 25, 15, 30);

describe('checkPublishInput', () => {
  it('reads the field in the newsroom zone, whatever the computer zone', () => {
    // The test suite runs under any TZ; the result must not move with it.
    expect(checkPublishInput('2026-11-26T09:00', 'Asia/Makassar', NOW)).toEqual({ ok: true, instant: Date.UTC(2026, 10, 26, 1, 0) });
    expect(checkPublishInput('2026-11-26T09:00', 'Asia/Jakarta', NOW)).toEqual({ ok: true, instant: Date.UTC(2026, 10, 26, 2, 0) });
    expect(checkPublishInput('2026-11-26T09:00', 'Asia/Jayapura', NOW)).toEqual({ ok: true, instant: Date.UTC(2026, 10, 26, 0, 0) });
  });

  it('crosses the date line the right way: 07:00 WITA is the previous evening in UTC', () => {
    expect(checkPublishInput('2026-11-26T07:00', 'Asia/Makassar', NOW)).toEqual({ ok: true, instant: Date.UTC(2026, 10, 25, 23, 0) });
  });

  it('refuses empty, malformed and impossible values', () => {
    expect(checkPublishInput('', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'empty' });
    expect(checkPublishInput('26/11/2026 09:00', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkPublishInput('2027-02-31T09:00', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkPublishInput('2026-11-26T24:00', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a time that has passed in the newsroom, even if it is still ahead on the computer clock', () => {
    // 23:00 WITA on the 25th is 15:00 UTC: half an hour ago.
    expect(checkPublishInput('2026-11-25T23:00', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'past' });
    expect(checkPublishInput('2026-11-25T23:30', 'Asia/Makassar', NOW)).toEqual({ ok: false, reason: 'past' });
    expect(checkPublishInput('2026-11-25T23:31', 'Asia/Makassar', NOW)).toEqual({ ok: true, instant: NOW + 60_000 });
  });
});

describe('initial and minimum values', () => {
  it('starts from the current publish time when it is still ahead', () => {
    expect(initialPublishInput(Date.UTC(2026, 10, 26, 1, 0), 'Asia/Makassar', NOW)).toBe('2026-11-26T09:00');
  });

  it('otherwise offers the next full hour at least an hour away, in the newsroom zone', () => {
    expect(initialPublishInput(null, 'Asia/Makassar', NOW)).toBe('2026-11-26T01:00');
    expect(initialPublishInput(Date.UTC(2026, 10, 20), 'Asia/Jakarta', NOW)).toBe('2026-11-26T00:00');
  });

  it('never lets the field go below the current newsroom minute', () => {
    expect(minPublishInput('Asia/Makassar', NOW)).toBe('2026-11-25T23:30');
    expect(minPublishInput('Asia/Jayapura', NOW)).toBe('2026-11-26T00:30');
  });
});
