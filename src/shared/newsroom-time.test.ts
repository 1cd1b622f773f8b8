import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatLong,
  formatTime,
  fromWallClock,
  parseNewsroomInput,
  toNewsroomInput,
  toWallClock,
  zoneLabel,
  zoneOffsetMs,
} from './newsroom-time';

const utc = (iso: string) => Date.parse(iso);

// These must hold whatever the machine's own TZ is (see `npm run test:unit` with TZ=America/Los_Angeles).
describe('newsroom time (WITA = UTC+8)', () => {
  it('converts WITA wall-clock input to UTC instants', () => {
    expect(parseNewsroomInput('2026-11-26T23:30', 'Asia/Makassar')).toBe(utc('2026-11-26T15:30:00Z'));
    expect(parseNewsroomInput('2026-11-26T07:30', 'Asia/Makassar')).toBe(utc('2026-11-25T23:30:00Z'));
    expect(parseNewsroomInput('2027-01-01T00:30', 'Asia/Makassar')).toBe(utc('2026-12-31T16:30:00Z'));
    expect(parseNewsroomInput('2026-11-26 09:00', 'Asia/Makassar')).toBe(utc('2026-11-26T01:00:00Z'));
  });

  it('converts WIB (UTC+7) and WIT (UTC+9) too', () => {
    expect(parseNewsroomInput('2026-11-26T23:30', 'Asia/Jakarta')).toBe(utc('2026-11-26T16:30:00Z'));
    expect(parseNewsroomInput('2026-11-26T07:30', 'Asia/Jayapura')).toBe(utc('2026-11-25T22:30:00Z'));
    expect(zoneOffsetMs(utc('2026-06-01T00:00:00Z'), 'Asia/Jakarta')).toBe(7 * 3600_000);
    expect(zoneOffsetMs(utc('2026-06-01T00:00:00Z'), 'Asia/Makassar')).toBe(8 * 3600_000);
    expect(zoneOffsetMs(utc('2026-06-01T00:00:00Z'), 'Asia/Jayapura')).toBe(9 * 3600_000);
    expect([zoneLabel('Asia/Jakarta'), zoneLabel('Asia/Makassar'), zoneLabel('Asia/Jayapura')]).toEqual(['WIB', 'WITA', 'WIT']);
  });

  it('rejects dates that do not exist and malformed input', () => {
    for (const value of ['2026-02-31T10:00', '2026-02-29T10:00', '2026-04-31T08:00', '2026-13-01T10:00', '2026-11-26T24:00', '2026-11-26T10:60', '', 'besok pagi', '26/11/2026 10:00']) {
      expect(parseNewsroomInput(value, 'Asia/Makassar'), value).toBeNull();
    }
    expect(parseNewsroomInput('2028-02-29T10:00', 'Asia/Makassar')).toBe(utc('2028-02-29T02:00:00Z'));
  });

  it('formats instants the way the portal does', () => {
    expect(formatCompact(utc('2023-09-26T00:51:00Z'), 'Asia/Makassar')).toBe('26 Sep 2023 08:51 WITA');
    // The style guide's sample "Kamis, 3 November 2023" names the wrong day: 3 November 2023 was a
    // Friday (Jumat). The format is the guide's; the weekday is the calendar's.
    expect(formatLong(utc('2023-11-02T09:20:00Z'), 'Asia/Makassar')).toBe('Kamis, 2 November 2023 - 17:20 WITA');
    expect(formatLong(utc('2023-11-03T09:20:00Z'), 'Asia/Makassar')).toBe('Jumat, 3 November 2023 - 17:20 WITA');
    expect(formatLong(utc('2023-11-03T09:20:00Z'), 'Asia/Makassar', 'en')).toBe('Friday, 3 November 2023 - 17:20 WITA');
    expect(formatCompact(utc('2023-08-17T03:00:00Z'), 'Asia/Jakarta')).toBe('17 Agu 2023 10:00 WIB');
    expect(formatCompact(utc('2023-08-17T03:00:00Z'), 'Asia/Jakarta', 'en')).toBe('17 Aug 2023 10:00 WIB');
    expect(formatTime(utc('2023-09-26T00:51:00Z'), 'Asia/Jayapura')).toBe('09:51 WIT');
  });

  it('shows the WITA date across the UTC day boundary', () => {
    // 16:30 UTC on 31 December is already New Year in WITA.
    expect(formatCompact(utc('2026-12-31T16:30:00Z'), 'Asia/Makassar')).toBe('1 Jan 2027 00:30 WITA');
    expect(formatLong(utc('2026-12-31T16:30:00Z'), 'Asia/Makassar')).toBe('Jumat, 1 Januari 2027 - 00:30 WITA');
    expect(toWallClock(utc('2026-11-25T23:30:00Z'), 'Asia/Makassar')).toMatchObject({ year: 2026, month: 11, day: 26, hour: 7, minute: 30, weekday: 4 });
  });

  it('round-trips through the datetime-local input value', () => {
    for (const iso of ['2026-11-26T15:30:00Z', '2026-12-31T16:30:00Z', '2024-02-28T20:05:00Z']) {
      const value = toNewsroomInput(utc(iso), 'Asia/Makassar');
      expect(parseNewsroomInput(value, 'Asia/Makassar')).toBe(utc(iso));
    }
    expect(toNewsroomInput(utc('2026-12-31T16:30:00Z'), 'Asia/Makassar')).toBe('2027-01-01T00:30');
    expect(fromWallClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 30 }, 'Asia/Makassar')).toBe(utc('2026-12-31T16:30:00Z'));
  });
});
