// Dates as day numbers (days since 1970-01-01): integer arithmetic keeps deadline counting fast and
// free of time-zone surprises. Dates cross the API as 'YYYY-MM-DD'.
import { MAX_DATE, MIN_DATE } from '../../../shared/text-hygiene.ts';


// Howard Hinnant's days-from-civil / civil-from-days: exact for the proleptic Gregorian calendar,
// and far cheaper than a Date per call (deadline counting calls these hundreds of thousands of times).
export function toDayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function fromDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export const yearOf = (day: number) => Number(fromDayNumber(day).slice(0, 4));

/** A year's first and last days, YYYY-MM-DD. */
export const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** A real calendar date YYYY-MM-DD within the dates the system accepts (1949-10-01 … 2100-12-31). */
export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= MIN_DATE && date <= MAX_DATE && Number(date.slice(5, 7)) >= 1 && Number(date.slice(5, 7)) <= 12 && fromDayNumber(toDayNumber(date)) === date;
}

/** Same day of the month `months` later, or that month's last day (1-31 + 1 month → 2-28/29). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${targetYear}-${pad2(targetMonth + 1)}-${pad2(Math.min(d, lastDay))}`;
}

/** Today in China (UTC+8), the calendar every deadline runs on. FAZHI_TODAY pins it for drills and tests. */
export function chinaToday(): string {
  const pinned = process.env.FAZHI_TODAY;
  if (pinned && isValidDate(pinned)) return pinned;
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
