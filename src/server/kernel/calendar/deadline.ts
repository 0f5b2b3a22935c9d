// Statutory deadline arithmetic on the working-day calendar. Pure: rules, calendar and the clock's
// facts in, the due date and its explanation out.
//  - calendar days: the start day is not counted; a period ending on a rest day or holiday ends on
//    the next working day (民事诉讼法 on 期间, applied by 行政复议法 art. 88 ¶1 and 行政诉讼法);
//  - working days: weekends and official holidays are skipped, official make-up workdays count;
//  - months: the same day of the month (or the month's last day), rolled the same way.
// Paused days (after the pause day, up to and including the resume day) are not counted.
import { addMonths, fromDayNumber, toDayNumber, weekdayOf, WEEKDAY_NAMES, yearOf } from './days.ts';
import { WorkCalendar } from './work-calendar.ts';
import { PERIOD_UNITS, type DeadlineRuleView, type DeadlineExplanation, type PeriodUnit } from '../../../shared/schemas/calendar.ts';

export type DeadlineRule = Pick<DeadlineRuleView, 'code' | 'name' | 'period' | 'unit' | 'extension' | 'citation' | 'minimum'> & {
  /**
   * A date someone set (a task's 完成时限, a finding's 整改期限), not a period: it does not move off a
   * rest day — the date set is the date due; only paused days are added to it.
   */
  fixedDate?: boolean;
};

export interface Pause {
  from: string;
  /** Resume date; null while the clock is still paused (counted up to `asOf`). */
  to: string | null;
  reason: string;
}

export interface Restart {
  previousStart: string;
  start: string;
  reason: string;
}

export interface ClockFacts {
  start: string;
  pauses?: readonly Pause[];
  /** An approved extension adds the rule's extension period. */
  extended?: boolean;
  extensionNote?: string | null;
  restarts?: readonly Restart[];
  /** "Today", for open pauses. */
  asOf?: string;
}

export interface DeadlineResult {
  due: string;
  provisional: boolean;
  explanation: DeadlineExplanation;
}

interface PausedRange {
  from: number;
  to: number;
}

export function computeDeadline(calendar: WorkCalendar, rule: DeadlineRule, facts: ClockFacts): DeadlineResult {
  return run(calendar, rule, facts, true) as DeadlineResult;
}

/** The due date alone, without building the explanation (for bulk recomputation). */
export function computeDue(calendar: WorkCalendar, rule: DeadlineRule, facts: ClockFacts): { due: string; provisional: boolean } {
  return run(calendar, rule, facts, false);
}

function run(calendar: WorkCalendar, rule: DeadlineRule, facts: ClockFacts, explain: boolean): { due: string; provisional: boolean; explanation?: DeadlineExplanation } {
  const start = toDayNumber(facts.start);
  const asOf = facts.asOf ? toDayNumber(facts.asOf) : start;
  const extension = facts.extended && rule.extension ? rule.extension : 0;
  const period = rule.period + extension;
  const ranges: PausedRange[] = [];
  for (const p of facts.pauses ?? []) {
    const from = toDayNumber(p.from);
    const to = p.to ? toDayNumber(p.to) : Math.max(asOf, from);
    if (to > from) ranges.push({ from, to });
  }

  const unknownYears = new Set<number>();
  const holidays: number[] = [];
  const makeups: number[] = [];
  let weekendDays = 0;
  let pausedDays = 0;
  // A fixed date does not depend on the holiday calendar: it is never provisional.
  const note = (n: number) => {
    if (!rule.fixedDate && !calendar.isKnownDay(n)) unknownYears.add(yearOf(n));
  };

  let n = start;
  let rolledFrom: number | null = null;
  if (rule.unit === 'working_days') {
    let counted = 0;
    while (counted < period) {
      n++;
      if (ranges.length && pausedOn(ranges, n)) {
        pausedDays++;
        continue;
      }
      if (!calendar.isKnownDay(n)) unknownYears.add(yearOf(n));
      const s = calendar.statusOf(n);
      if (s === WorkCalendar.HOLIDAY) {
        if (explain) holidays.push(n);
      } else if (s === WorkCalendar.WEEKEND) {
        weekendDays++;
      } else {
        counted++;
        if (explain && s === WorkCalendar.MAKEUP) makeups.push(n);
      }
    }
  } else {
    if (rule.unit === 'calendar_days') {
      if (ranges.length === 0) n = start + period;
      let counted = ranges.length === 0 ? period : 0;
      while (counted < period) {
        n++;
        if (pausedOn(ranges, n)) pausedDays++;
        else counted++;
      }
    } else {
      n = toDayNumber(addMonths(facts.start, period));
      if (ranges.length) {
        for (let k = start + 1; k <= n; k++) {
          if (pausedOn(ranges, k)) {
            pausedDays++;
            n++;
          }
        }
      }
    }
    note(n);
    if (!rule.fixedDate && !calendar.isWorkdayNumber(n)) {
      rolledFrom = n;
      while (!calendar.isWorkdayNumber(n)) {
        note(n);
        if (explain && calendar.statusOf(n) === WorkCalendar.HOLIDAY) holidays.push(n);
        n++;
      }
      note(n);
    }
  }

  const due = fromDayNumber(n);
  const provisional = unknownYears.size > 0;
  if (!explain) return { due, provisional };

  const unitLabel = PERIOD_UNITS[rule.unit];
  const lines: string[] = [];
  // The rule by its name: its code is for administrators (the rules page), not for the person reading a deadline.
  lines.push(`规则：${rule.name}，${rule.minimum ? '不少于' : ''}${rule.period}${unitLabel}；依据：${rule.citation}`);
  for (const r of facts.restarts ?? []) lines.push(`重新起算：原起算日 ${r.previousStart}，自 ${r.start} 重新计算（${r.reason}）`);
  lines.push(`起算：${facts.start}（${weekdayName(start)}），当日不计入，自次日起算`);
  if (extension) lines.push(`延长：经批准延长 ${extension}${unitLabel}${facts.extensionNote ? `（${facts.extensionNote}）` : ''}，合计 ${period}${unitLabel}`);
  for (const p of facts.pauses ?? []) {
    const from = toDayNumber(p.from);
    const to = p.to ? toDayNumber(p.to) : Math.max(asOf, from);
    lines.push(`暂停：${p.from} 至 ${p.to ?? `${fromDayNumber(to)}（仍在暂停）`}，${p.reason}；不计入 ${Math.max(0, to - from)} 日`);
  }
  if (rule.unit === 'working_days') {
    lines.push(`计入工作日 ${period} 天；跳过周末 ${weekendDays} 天${holidays.length ? `、法定节假日 ${holidays.length} 天` : ''}`);
    for (const group of groupByName(calendar, holidays)) lines.push(`跳过节假日：${group}`);
    for (const m of makeups) lines.push(`计入调休上班日：${fromDayNumber(m)}（${weekdayName(m)}，${calendar.specialName(m) ?? '调休上班'}）`);
  } else if (rule.fixedDate) {
    lines.push(`指定日期：${fromDayNumber(start + period)}（${weekdayName(start + period)}），为确定的日期而非期间，遇休息日不顺延${pausedDays ? `；加上暂停的 ${pausedDays} 日` : ''}`);
  } else if (rule.unit === 'calendar_days') {
    lines.push(`计入自然日 ${period} 天（期间内的节假日照常计入）`);
  } else {
    lines.push(`按月计算：${period} 个月后的对应日为 ${addMonths(facts.start, period)}（无对应日的以该月最后一日为准）${pausedDays ? `，加上暂停的 ${pausedDays} 日` : ''}`);
  }
  if (rolledFrom !== null) {
    const rollReason = holidays.length ? groupByName(calendar, holidays).join('、') : '周末';
    lines.push(`期间届满日 ${fromDayNumber(rolledFrom)}（${weekdayName(rolledFrom)}）为休息日（${rollReason}），顺延至其后第一个工作日`);
  }
  lines.push(`届满日：${due}（${weekdayName(n)}）`);
  if (provisional) {
    lines.push(`注意：${[...unknownYears].sort().join('、')} 年的节假日安排尚未录入，该年按周末和元旦、劳动节、国庆节推算，届满日为暂定，请在国务院公布放假安排后由管理员录入`);
  }

  const explanation: DeadlineExplanation = {
    rule: { code: rule.code, name: rule.name, citation: rule.citation, period: rule.period, unit: rule.unit, minimum: rule.minimum },
    start: facts.start,
    period,
    extension: extension ? { period: extension, note: facts.extensionNote ?? null } : null,
    holidaysSkipped: holidays.map((h) => ({ date: fromDayNumber(h), name: calendar.specialName(h) ?? '法定节假日' })),
    makeupWorkdaysCounted: makeups.map((m) => ({ date: fromDayNumber(m), name: calendar.specialName(m) ?? '调休上班' })),
    weekendDaysSkipped: weekendDays,
    pausedDays,
    pauses: (facts.pauses ?? []).map((p) => ({ from: p.from, to: p.to, reason: p.reason })),
    restarts: (facts.restarts ?? []).map((r) => ({ ...r })),
    rolledFrom: rolledFrom === null ? null : fromDayNumber(rolledFrom),
    provisional,
    unknownYears: [...unknownYears].sort(),
    text: lines,
  };
  return { due, provisional, explanation };
}

function pausedOn(ranges: readonly PausedRange[], n: number): boolean {
  for (const r of ranges) if (n > r.from && n <= r.to) return true;
  return false;
}

const weekdayName = (n: number) => WEEKDAY_NAMES[weekdayOf(n)]!;

/** "国庆节 2026-10-01—2026-10-07（7天）" for runs of consecutive days with the same name. */
function groupByName(calendar: WorkCalendar, days: number[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < days.length) {
    const name = calendar.specialName(days[i]!) ?? '法定节假日';
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1 && (calendar.specialName(days[j + 1]!) ?? '法定节假日') === name) j++;
    const from = fromDayNumber(days[i]!);
    out.push(j === i ? `${name} ${from}` : `${name} ${from}—${fromDayNumber(days[j]!)}（${j - i + 1}天）`);
    i = j + 1;
  }
  return out;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let n = lo + 1; n <= hi; n++) if (calendar.isWorkdayNumber(n)) count++;
  return sign * count;
}

export type Light = 'green' | 'yellow' | 'red';

/** 红黄牌: red once overdue, yellow when due within `warnDays` working days, green otherwise. */
export function lightOf(calendar: WorkCalendar, due: string, asOf: string, warnDays: number): { light: Light; workingDaysLeft: number } {
  const left = workingDaysBetween(calendar, asOf, due);
  if (asOf > due) return { light: 'red', workingDaysLeft: left };
  return { light: left <= warnDays ? 'yellow' : 'green', workingDaysLeft: left };
}

export { PERIOD_UNITS, type PeriodUnit };
