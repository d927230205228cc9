/**
 * The deadline of a request (SPEC §10 "Order and deadline"): a day picked between 1 and 90 days
 * from today (default 14), sent as `expiresAt`, the end of that day in the sender's time zone.
 * Pure (no DOM): the date picker, the payload and the confirmation share it.
 */

/** Days ahead the deadline may be, and its default. */
export const MIN_DEADLINE_DAYS = 1;
export const MAX_DEADLINE_DAYS = 90;
export const DEFAULT_DEADLINE_DAYS = 14;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a local date (what `<input type="date">` reads and writes). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day `days` after `now`'s day, as `YYYY-MM-DD`. */
export function dayAfter(now: Date, days: number): string {
  return isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days));
}

/** The picker's default: 14 days from today. */
export function defaultDeadline(now: Date): string {
  return dayAfter(now, DEFAULT_DEADLINE_DAYS);
}

/** The picker's `min` and `max`. */
export function deadlineBounds(now: Date): { min: string; max: string } {
  return { min: dayAfter(now, MIN_DEADLINE_DAYS), max: dayAfter(now, MAX_DEADLINE_DAYS) };
}

/** Whether `day` (`YYYY-MM-DD`) is a real date within 1–90 days from `now`'s day. */
export function isValidDeadline(day: string, now: Date): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return false;
  const { min, max } = deadlineBounds(now);
  return day >= min && day <= max;
}

/** `expiresAt` for a picked day: the last millisecond of that day, local time, as ISO 8601 (UTC). */
export function expiresAtOf(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).toISOString();
}

/** `dd/mm/yyyy` of a picked day, as French and English (UK) confirmations write it. */
export function shownDay(day: string): string {
  const m = DAY.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/**
 * What a proxy accepts as `expiresAt` (the sandbox's check): from 24 h to 91 days after `now`
 * (the end of a day picked 1 to 90 days ahead, plus a few minutes of clock skew either side).
 */
export function acceptableExpiry(expiresAt: string, now: number): boolean {
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return false;
  const skew = 5 * 60_000;
  const day = 24 * 3600_000;
  return at >= now + MIN_DEADLINE_DAYS * day - skew && at <= now + (MAX_DEADLINE_DAYS + 1) * day + skew;
}
