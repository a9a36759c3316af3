import type { MessageKey } from '../i18n/en';

/** A date and time as typed: the date as day/month/year, the time on the 24-hour clock. */
export interface DateTimeText {
  date: string;
  time: string;
}

/** Nothing typed yet. */
export const NO_DATE_TIME: DateTimeText = { date: '', time: '' };

/** What was typed, read: nothing, a moment, or what is wrong with it (and in which field). */
export type DateTimeReading =
  | { state: 'empty' }
  | { state: 'ok'; at: Date }
  | { state: 'bad'; field: 'date' | 'time'; problem: MessageKey; values?: Record<string, string> };

/** Day first, as in French and in United Nations English: 28/04/2026, 28.04.2026, 28-04-2026; or ISO 2026-04-28. */
const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 18:30, 18.30, 18h30, 18 h 30, 18 h, 18. */
const TIME = /^(\d{1,2})(?:\s*[:.hH]\s*(\d{2})?)?$/;

/**
 * Reads a typed date and time as the interface writes them (the same in both its languages: day, month,
 * year, 24-hour clock), in this computer's time zone. An impossible date (31/02) or time (24:10) is a
 * problem named for the person, never a date the browser shifted to another day.
 */
export function readDateTime(text: DateTimeText): DateTimeReading {
  const date = text.date.trim();
  const time = text.time.trim();
  if (!date && !time) return { state: 'empty' };
  if (!date) return { state: 'bad', field: 'date', problem: 'datetime.needDate' };
  const dayFirst = DAY_FIRST.exec(date);
  const iso = dayFirst ? null : ISO_DATE.exec(date);
  if (!dayFirst && !iso) return { state: 'bad', field: 'date', problem: 'datetime.badDate' };
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]].map(Number) : [iso![3], iso![2], iso![1]].map(Number);
  if (month! < 1 || month! > 12) return { state: 'bad', field: 'date', problem: 'datetime.noSuchMonth', values: { month: String(month) } };
  const lastDay = new Date(year!, month!, 0).getDate();
  if (day! < 1 || day! > lastDay) return { state: 'bad', field: 'date', problem: 'datetime.noSuchDay', values: { day: String(day), month: String(month), year: String(year), last: String(lastDay) } };
  if (!time) return { state: 'bad', field: 'time', problem: 'datetime.needTime' };
  const clock = TIME.exec(time);
  const hours = clock ? Number(clock[1]) : NaN;
  const minutes = clock ? Number(clock[2] ?? 0) : NaN;
  if (!clock || hours > 23 || minutes > 59) return { state: 'bad', field: 'time', problem: 'datetime.badTime' };
  return { state: 'ok', at: new Date(year!, month! - 1, day!, hours, minutes) };
}

/** The moment typed, as an ISO string; null when nothing (or nothing valid) was typed. */
export function dateTimeISO(text: DateTimeText): string | null {
  const reading = readDateTime(text);
  return reading.state === 'ok' ? reading.at.toISOString() : null;
}
