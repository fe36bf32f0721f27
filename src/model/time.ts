/**
 * Simulated time. The engine counts whole minutes since the scenario's start (integers, so that
 * time arithmetic is exact); scenario files write durations such as `20h`, `1d 6h` or `90m`.
 */
import { z } from 'zod';

/** A time or duration in whole minutes, as written in events (a branded integer). */
export const minutesSchema = z.number().int().brand<'Minutes'>();
export type Minutes = z.infer<typeof minutesSchema>;

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * 60;

/** `n` (a whole number) as a time: the one place a number is branded as minutes. */
export const minutes = (n: number) => n as Minutes;
export const hours = (n: number) => minutes(Math.round(n * MINUTES_PER_HOUR));
export const days = (n: number) => minutes(Math.round(n * MINUTES_PER_DAY));
/** The time `by` minutes after `t`. */
export const later = (t: Minutes, by: number) => minutes(t + by);

/** Minutes in each unit a duration may be written in (a year is 365 days, a week 7). */
const UNIT_MINUTES: Readonly<Record<string, number>> = {
  y: 365 * MINUTES_PER_DAY,
  w: 7 * MINUTES_PER_DAY,
  d: MINUTES_PER_DAY,
  h: MINUTES_PER_HOUR,
  m: 1,
};
const DURATION = /^\s*-?\s*(?:\d+(?:\.\d+)?\s*[ywdhm]\s*)+$/;
const PART = /(\d+(?:\.\d+)?)\s*([ywdhm])/g;

/** Parses `1d 6h 30m`, `20h`, `35y`, `-14d` (a past time), or a plain number of hours. */
export function parseDuration(text: string | number): Minutes | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? hours(text) : undefined;
  if (!DURATION.test(text)) return undefined;
  const negative = text.trim().startsWith('-');
  let total = 0;
  for (const [, value, unit] of text.matchAll(PART))
    total += Number(value) * (UNIT_MINUTES[unit ?? 'm'] ?? 1);
  return minutes(Math.round(negative ? -total : total));
}

/** A duration in a scenario file: `20h`, `1d 6h`, `-14d`, or a number of hours. */
export const durationSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const parsed = parseDuration(value);
  if (parsed === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a duration; write e.g. 20h, 1d 6h, 90m or 35y`,
    });
    return z.NEVER;
  }
  return parsed;
});

/** `D2 14:05` — day (from 1) and time of day of a simulated time. */
export function formatTime(t: Minutes | number): string {
  const sign = t < 0 ? '-' : '';
  const abs = Math.abs(t);
  const day = Math.floor(abs / MINUTES_PER_DAY) + 1;
  const minuteOfDay = abs % MINUTES_PER_DAY;
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${sign}D${day} ${hh}:${mm}`;
}

/** `1d 6h`, `20h`, `45m` — the shortest readable form of a duration. */
export function formatDuration(t: Minutes | number): string {
  const sign = t < 0 ? '-' : '';
  let rest = Math.abs(t);
  const d = Math.floor(rest / MINUTES_PER_DAY);
  rest -= d * MINUTES_PER_DAY;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean);
  return sign + (parts.length ? parts.join(' ') : '0m');
}
