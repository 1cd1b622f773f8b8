/**
 * The publish time an editor types into `<input type="datetime-local">`. The field's value is a
 * wall-clock reading with no zone; it is read in the newsroom's zone from settings, never the
 * computer's own (a laptop set to another zone must still schedule 09:00 WITA as 01:00 UTC).
 */
import { parseNewsroomInput, toNewsroomInput, type NewsroomTimeZone } from '../../../../shared/newsroom-time';

export type PublishTimeCheck = { ok: true; instant: number } | { ok: false; reason: 'empty' | 'invalid' | 'past' };

export function checkPublishInput(value: string, zone: NewsroomTimeZone, now: number): PublishTimeCheck {
  if (value.trim() === '') return { ok: false, reason: 'empty' };
  const instant = parseNewsroomInput(value, zone);
  if (instant === null) return { ok: false, reason: 'invalid' };
  if (instant <= now) return { ok: false, reason: 'past' };
  return { ok: true, instant };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * What the field shows first: the article's current publish time when it has one in the future,
 * otherwise the next full hour at least an hour away (a sensible start the editor adjusts).
 */
export function initialPublishInput(publishAt: number | null, zone: NewsroomTimeZone, now: number): string {
  if (publishAt !== null && publishAt > now) return toNewsroomInput(publishAt, zone);
  // Newsroom zones are whole hours from UTC, so a full UTC hour is a full hour on the newsroom clock.
  const nextHour = Math.ceil((now + HOUR_MS) / HOUR_MS) * HOUR_MS;
  return toNewsroomInput(nextHour, zone);
}

/** The earliest value the field accepts (the current minute in the newsroom zone). */
export function minPublishInput(zone: NewsroomTimeZone, now: number): string {
  return toNewsroomInput(now, zone);
}
