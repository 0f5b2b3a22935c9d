// Dates as day numbers (days since 1970-01-01): integer arithmetic keeps deadline counting fast and
// free of time-zone surprises. Dates cross the API as 'YYYY-MM-DD'.

const MS_PER_DAY = 86_400_000;

export function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export const yearOf = (day: number) => new Date(day * MS_PER_DAY).getUTCFullYear();

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && fromDayNumber(toDayNumber(date)) === date;
}

/** Same day of the month `months` later, or that month's last day (1-31 + 1 month → 2-28/29). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(d, lastDay)) / MS_PER_DAY);
}

/** Today in China (UTC+8), the calendar every deadline runs on. FAZHI_TODAY pins it for drills and tests. */
export function chinaToday(): string {
  const pinned = process.env.FAZHI_TODAY;
  if (pinned && isValidDate(pinned)) return pinned;
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
