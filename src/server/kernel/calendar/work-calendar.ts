// The working-day calendar: the shipped official data (chinese-days) with the database's overrides on
// top. A year nobody has entered is "unknown": counted on weekends and its fixed-date statutory
// holidays only, and every date computed through it is provisional.
import { createRequire } from 'node:module';
import { fromDayNumber, toDayNumber, weekdayOf, yearOf } from './days.ts';

/** holiday = an official day off (休); workday = an official make-up workday (调休上班); normal = follow the weekday. */
export type SpecialKind = 'holiday' | 'workday' | 'normal';

export interface SpecialDay {
  date: string;
  kind: SpecialKind;
  name: string;
  source: 'shipped' | 'override' | 'statutory';
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: string;
  workday: boolean;
  reason: DayReason;
  name: string | null;
  /** False when the year's official arrangement has not been entered (weekends only). */
  known: boolean;
  source: 'shipped' | 'override' | 'statutory' | null;
}

interface ShippedData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let shippedCache: { days: SpecialDay[]; years: number[] } | null = null;

/**
 * The official holidays and make-up workdays shipped with `chinese-days`. We read its data file
 * rather than calling isInLieu(): that marks the days off given in exchange, not make-up workdays.
 */
export function shippedCalendar(): { days: SpecialDay[]; years: number[] } {
  if (shippedCache) return shippedCache;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ShippedData;
  const days: SpecialDay[] = [];
  const years = new Set<number>();
  const nameOf = (raw: string) => raw.split(',')[1] ?? raw;
  for (const [date, raw] of Object.entries(data.holidays)) {
    days.push({ date, kind: 'holiday', name: nameOf(raw), source: 'shipped' });
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    days.push({ date, kind: 'workday', name: `${nameOf(raw)}调休上班`, source: 'shipped' });
  }
  shippedCache = { days, years: [...years].sort((a, b) => a - b) };
  return shippedCache;
}

// Day status codes in the lookup table.
const WEEKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;

/** Flag on a day's status: its year's arrangement is known. */
const KNOWN = 8;

/**
 * The holidays 《全国年节及纪念日放假办法》 (2024年修订, from 2025) fixes by date: 元旦 1月1日, 劳动节
 * 5月1日、2日, 国庆节 10月1日至3日. A year whose notice is not entered still has them; the lunar ones
 * (春节, 清明, 端午, 中秋) and the make-up workdays wait for the notice.
 */
const STATUTORY_FROM = 2025;
const FIXED_HOLIDAYS: readonly [string, string][] = [
  ['01-01', '元旦'],
  ['05-01', '劳动节'],
  ['05-02', '劳动节'],
  ['10-01', '国庆节'],
  ['10-02', '国庆节'],
  ['10-03', '国庆节'],
];

const FIRST_YEAR = 1990;
const LAST_YEAR = 2150;

export class WorkCalendar {
  private readonly base = toDayNumber(`${FIRST_YEAR}-01-01`);
  private readonly status: Uint8Array;
  private readonly known = new Set<number>();
  private readonly specials = new Map<number, SpecialDay>();

  /** Later entries win: pass shipped days first, then overrides. */
  constructor(days: readonly SpecialDay[], knownYears: Iterable<number>) {
    const end = toDayNumber(`${LAST_YEAR}-12-31`);
    this.status = new Uint8Array(end - this.base + 1);
    for (let i = 0; i < this.status.length; i++) {
      const wd = weekdayOf(this.base + i);
      this.status[i] = wd === 0 || wd === 6 ? WEEKEND : WEEKDAY;
    }
    for (const y of knownYears) {
      this.known.add(y);
      if (y < FIRST_YEAR || y > LAST_YEAR) continue;
      const from = toDayNumber(`${y}-01-01`) - this.base;
      const to = toDayNumber(`${y}-12-31`) - this.base;
      for (let i = from; i <= to; i++) this.status[i]! |= KNOWN;
    }
    for (let y = STATUTORY_FROM; y <= LAST_YEAR; y++) {
      if (this.known.has(y)) continue;
      for (const [monthDay, name] of FIXED_HOLIDAYS) {
        const date = `${y}-${monthDay}`;
        const n = toDayNumber(date);
        this.status[n - this.base] = HOLIDAY;
        this.specials.set(n, { date, kind: 'holiday', name, source: 'statutory' });
      }
    }
    for (const day of days) {
      const n = toDayNumber(day.date);
      const i = n - this.base;
      if (i < 0 || i >= this.status.length) continue;
      const wd = weekdayOf(n);
      const known = this.status[i]! & KNOWN;
      if (day.kind === 'normal') {
        this.status[i] = (wd === 0 || wd === 6 ? WEEKEND : WEEKDAY) | known;
        this.specials.delete(n);
      } else {
        this.status[i] = (day.kind === 'holiday' ? HOLIDAY : MAKEUP) | known;
        this.specials.set(n, day);
      }
    }
  }

  static fromShipped(overrides: readonly SpecialDay[] = [], announcedYears: Iterable<number> = []): WorkCalendar {
    const shipped = shippedCalendar();
    return new WorkCalendar([...shipped.days, ...overrides], [...shipped.years, ...announcedYears]);
  }

  isKnownYear(year: number): boolean {
    return this.known.has(year);
  }

  knownYears(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  /** Status code of a day number; days outside the table fall back to weekends. */
  statusOf(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.status.length) return this.status[i]! & 7;
    const wd = weekdayOf(day);
    return wd === 0 || wd === 6 ? WEEKEND : WEEKDAY;
  }

  isWorkdayNumber(day: number): boolean {
    const s = this.statusOf(day);
    return s === WEEKDAY || s === MAKEUP;
  }

  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(toDayNumber(date));
  }

  /** Whether the day's year has an entered arrangement (otherwise the answer is a weekend-only guess). */
  isKnownDay(day: number): boolean {
    const i = day - this.base;
    return i >= 0 && i < this.status.length ? (this.status[i]! & KNOWN) !== 0 : this.known.has(yearOf(day));
  }

  info(date: string): DayInfo {
    const n = toDayNumber(date);
    const s = this.statusOf(n);
    const special = this.specials.get(n) ?? null;
    const reason: DayReason = s === HOLIDAY ? 'holiday' : s === MAKEUP ? 'makeup' : s === WEEKEND ? 'weekend' : 'weekday';
    return {
      date,
      workday: s === WEEKDAY || s === MAKEUP,
      reason,
      name: special?.name ?? null,
      known: this.isKnownDay(n),
      source: special?.source ?? null,
    };
  }

  /** Every day of a month with its status (for the month view). */
  month(year: number, month: number): DayInfo[] {
    const first = toDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    const out: DayInfo[] = [];
    for (let n = first; ; n++) {
      const date = fromDayNumber(n);
      if (Number(date.slice(5, 7)) !== month) break;
      out.push(this.info(date));
    }
    return out;
  }

  specialName(day: number): string | null {
    return this.specials.get(day)?.name ?? null;
  }

  static readonly HOLIDAY = HOLIDAY;
  static readonly MAKEUP = MAKEUP;
  static readonly WEEKEND = WEEKEND;
}
