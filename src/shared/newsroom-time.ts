/**
 * Newsroom time. Instants are UTC epoch milliseconds everywhere; people enter and read times in the
 * newsroom's zone (WITA by default), never in the computer's own zone. Everything here goes through
 * Intl with an explicit timeZone, so the result does not depend on TZ.
 */

export const NEWSROOM_TIME_ZONES = ['Asia/Makassar', 'Asia/Jakarta', 'Asia/Jayapura'] as const;
export type NewsroomTimeZone = (typeof NEWSROOM_TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: NewsroomTimeZone = 'Asia/Makassar';

const ZONE_LABELS: Record<NewsroomTimeZone, string> = {
  'Asia/Makassar': 'WITA',
  'Asia/Jakarta': 'WIB',
  'Asia/Jayapura': 'WIT',
};

export function zoneLabel(zone: NewsroomTimeZone): string {
  return ZONE_LABELS[zone];
}

export type UiLanguage = 'id' | 'en';

// Spelled out rather than taken from Intl: ICU builds differ (Node and Chromium disagree on "Agu"/"Agt"),
// and the portal's own style is what readers know.
const MONTHS: Record<UiLanguage, { long: string[]; short: string[] }> = {
  id: {
    long: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};
const WEEKDAYS: Record<UiLanguage, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading in `zone` at `instant` (epoch ms). */
export function toWallClock(instant: number, zone: NewsroomTimeZone): WallClock {
  const parts = partsFormatter(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wc = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
  const weekday = new Date(Date.UTC(wc.year, wc.month - 1, wc.day)).getUTCDay();
  return { ...wc, weekday };
}

/** Offset of `zone` from UTC at `instant`, in ms (WITA: +8 h). */
export function zoneOffsetMs(instant: number, zone: NewsroomTimeZone): number {
  const wc = toWallClock(instant, zone);
  const asUtc = Date.UTC(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute, wc.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` reads the given local time. */
export function fromWallClock(
  local: Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute'> & { second?: number },
  zone: NewsroomTimeZone,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  // Two passes settle zones whose offset changes near the instant; Indonesian zones have had a
  // fixed offset for decades, so the first pass is already exact for them.
  let instant = asUtc - zoneOffsetMs(asUtc, zone);
  instant = asUtc - zoneOffsetMs(instant, zone);
  return instant;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/** Parses the value of an `<input type="datetime-local">` ("2026-11-26T09:00") as newsroom time. */
export function parseNewsroomInput(value: string, zone: NewsroomTimeZone): number | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const instant = fromWallClock({ year, month, day, hour, minute }, zone);
  // Reject dates that roll over (31 February).
  const back = toWallClock(instant, zone);
  if (back.day !== day || back.month !== month) return null;
  return instant;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value for an `<input type="datetime-local">` showing `instant` in newsroom time. */
export function toNewsroomInput(instant: number, zone: NewsroomTimeZone): string {
  const wc = toWallClock(instant, zone);
  return `${wc.year}-${pad(wc.month)}-${pad(wc.day)}T${pad(wc.hour)}:${pad(wc.minute)}`;
}

/** "26 Sep 2023 08:51 WITA" */
export function formatCompact(instant: number, zone: NewsroomTimeZone, lang: UiLanguage = 'id'): string {
  const wc = toWallClock(instant, zone);
  return `${wc.day} ${MONTHS[lang].short[wc.month - 1]} ${wc.year} ${pad(wc.hour)}:${pad(wc.minute)} ${zoneLabel(zone)}`;
}

/** "Kamis, 3 November 2023 - 17:20 WITA" */
export function formatLong(instant: number, zone: NewsroomTimeZone, lang: UiLanguage = 'id'): string {
  const wc = toWallClock(instant, zone);
  return `${WEEKDAYS[lang][wc.weekday]}, ${wc.day} ${MONTHS[lang].long[wc.month - 1]} ${wc.year} - ${pad(wc.hour)}:${pad(wc.minute)} ${zoneLabel(zone)}`;
}

/** "08:51 WITA" */
export function formatTime(instant: number, zone: NewsroomTimeZone): string {
  const wc = toWallClock(instant, zone);
  return `${pad(wc.hour)}:${pad(wc.minute)} ${zoneLabel(zone)}`;
}
