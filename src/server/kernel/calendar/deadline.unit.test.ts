// Cases worked by hand from the State Council's holiday notices:
// 2024 (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号), 2026 (国办发明电〔2025〕7号).
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './work-calendar.ts';
import { computeDeadline, lightOf, workingDaysBetween, type DeadlineRule } from './deadline.ts';
import { addMonths } from './days.ts';
import { MODULES } from '../../modules/index.ts';

// The shipped rules: those the modules declare.
const SHIPPED = MODULES.flatMap((m) => m.deadlineRules ?? []);

const calendar = WorkCalendar.fromShipped();
const rule = (code: string): DeadlineRule => {
  const r = SHIPPED.find((x) => x.code === code)!;
  return { code: r.code, name: r.name, period: r.period, unit: r.unit, extension: r.extension ?? null, citation: r.citation, minimum: r.minimum ?? false };
};
const due = (code: string, start: string, extra: Parameters<typeof computeDeadline>[2] extends infer F ? Partial<F> : never = {}) =>
  computeDeadline(calendar, rule(code), { start, ...extra });

describe('working-day calendar', () => {
  it.each([
    ['2024-02-04', 'workday'], // Sunday, 春节 make-up
    ['2024-02-09', 'workday'], // 除夕 2024 was not an official day off
    ['2024-02-10', 'rest'],
    ['2024-02-17', 'rest'],
    ['2024-02-18', 'workday'], // Sunday make-up
    ['2024-09-14', 'workday'], // Saturday, 中秋 make-up
    ['2024-09-29', 'workday'], // Sunday, 国庆 make-up
    ['2024-10-07', 'rest'],
    ['2024-10-12', 'workday'],
    ['2025-01-26', 'workday'],
    ['2025-01-28', 'rest'],
    ['2025-02-04', 'rest'],
    ['2025-02-08', 'workday'],
    ['2025-10-06', 'rest'], // 中秋 inside the 国庆 break
    ['2025-10-11', 'workday'],
    ['2026-01-04', 'workday'],
    ['2026-02-14', 'workday'],
    ['2026-02-23', 'rest'],
    ['2026-02-28', 'workday'],
    ['2026-05-09', 'workday'],
    ['2026-09-20', 'workday'],
    ['2026-10-10', 'workday'],
    ['2026-10-08', 'workday'],
    ['2026-11-21', 'rest'], // plain Saturday
    ['2026-11-23', 'workday'],
  ])('%s is a %s', (date, expected) => {
    expect(calendar.isWorkday(date) ? 'workday' : 'rest').toBe(expected);
  });

  it('knows the shipped years and not the ones no arrangement covers', () => {
    expect(calendar.isKnownYear(2026)).toBe(true);
    // A year far enough out that no shipped calendar will announce it (2027 soon will be).
    expect(calendar.isKnownYear(2099)).toBe(false);
  });

  it('overrides win over the shipped data', () => {
    const cal = WorkCalendar.fromShipped([{ date: '2026-10-10', kind: 'normal', name: '更正', source: 'override' }, { date: '2026-11-23', kind: 'holiday', name: '测试', source: 'override' }]);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-11-23')).toBe(false);
    expect(cal.info('2026-11-23')).toMatchObject({ reason: 'holiday', name: '测试', source: 'override' });
  });
});

describe('working-day periods', () => {
  it.each([
    // rule, start, due — the domain's example: 20 working days across 国庆 2026 with the 10-10 make-up day
    ['foi.reply', '2026-09-28', '2026-10-30'],
    ['review.accept', '2026-02-12', '2026-02-26'], // 2-14 make-up counted, 春节 2-15..2-23 skipped
    ['review.accept', '2025-01-24', '2025-02-07'], // 1-26 make-up counted, 春节 1-28..2-4 skipped
    ['foi.supplement_notice', '2024-09-27', '2024-10-12'], // ends on the Saturday make-up day
    ['review.respondent_reply', '2024-02-01', '2024-02-20'], // two Sunday make-up days counted
    ['review.notify_respondent', '2026-11-20', '2026-12-01'], // plain weeks
  ])('%s from %s is due %s', (code, start, expected) => {
    expect(due(code, start).due).toBe(expected);
  });

  it('explains holidays skipped and make-up workdays counted', () => {
    const { explanation } = due('foi.reply', '2026-09-28');
    expect(explanation.holidaysSkipped.map((h) => h.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(explanation.holidaysSkipped[0]!.name).toBe('国庆节');
    expect(explanation.makeupWorkdaysCounted).toEqual([{ date: '2026-10-10', name: '国庆节调休上班' }]);
    expect(explanation.text.join('\n')).toContain('国庆节 2026-10-01—2026-10-07（7天）');
    expect(explanation.text.join('\n')).toContain('政府信息公开条例');
    expect(explanation.text.join('\n')).not.toMatch(/[a-z]+\.[a-z_]+/);
    expect(explanation.provisional).toBe(false);
  });
});

describe('calendar-day periods', () => {
  it.each([
    ['litigation.defence', '2026-09-20', '2026-10-08'], // ends 10-05 in 国庆: rolls past the holiday
    ['litigation.defence', '2026-11-06', '2026-11-23'], // ends on a Saturday: next Monday
    ['litigation.defence', '2026-09-25', '2026-10-10'], // ends on a make-up Saturday: a working day, no roll
    ['litigation.defence', '2025-01-20', '2025-02-05'], // ends 2-04 in 春节 2025
    ['review.decide', '2026-08-03', '2026-10-08'], // 60 days end 10-02
    ['review.decide_simple', '2024-09-01', '2024-10-08'], // 30 days end 10-01
  ])('%s from %s is due %s', (code, start, expected) => {
    expect(due(code, start).due).toBe(expected);
  });

  it('records the roll', () => {
    const { explanation } = due('litigation.defence', '2026-09-20');
    expect(explanation.rolledFrom).toBe('2026-10-05');
    expect(explanation.text.some((l) => l.includes('顺延'))).toBe(true);
  });

  it('adds an approved extension once', () => {
    const r = due('review.decide', '2026-08-03', { extended: true, extensionNote: '复议机构负责人批准' });
    expect(r.due).toBe('2026-11-02'); // 90 days end Sunday 11-01
    expect(r.explanation.extension).toEqual({ period: 30, note: '复议机构负责人批准' });
  });
});

describe('month periods', () => {
  it('end on the same day of the month, or the last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
  });

  it.each([
    ['proposals.reply', '2025-11-30', '2026-02-28'], // month end; a make-up Saturday is a working day
    ['proposals.reply', '2025-08-31', '2025-12-01'], // 11-30 is a Sunday
    ['proposals.reply_complex', '2025-08-18', '2026-02-24'], // 2-18 falls in 春节 2026
    ['proposals.reply', '2026-05-31', '2026-08-31'],
  ])('%s from %s is due %s', (code, start, expected) => {
    expect(due(code, start).due).toBe(expected);
  });
});

describe('pauses, restarts and extensions on one clock', () => {
  it('does not count paused days', () => {
    const r = due('review.decide', '2026-03-02', { pauses: [{ from: '2026-03-10', to: '2026-03-20', reason: '申请人补正材料' }] });
    expect(r.due).toBe('2026-05-11');
    expect(r.explanation.pausedDays).toBe(10);
  });

  it('runs a disclosure request through restart, third-party pause and extension', () => {
    const restarts = [{ previousStart: '2026-03-02', start: '2026-03-09', reason: '收到补正后的申请' }];
    expect(due('foi.reply', '2026-03-09', { restarts }).due).toBe('2026-04-07'); // 清明 4-04..4-06 skipped
    const pauses = [{ from: '2026-03-20', to: '2026-04-03', reason: '征求第三方意见' }];
    expect(due('foi.reply', '2026-03-09', { restarts, pauses }).due).toBe('2026-04-21');
    const r = due('foi.reply', '2026-03-09', { restarts, pauses, extended: true, extensionNote: '经机关负责人同意' });
    expect(r.due).toBe('2026-05-21'); // 劳动节 skipped, 5-09 make-up counted
    expect(r.explanation.makeupWorkdaysCounted.map((m) => m.date)).toEqual(['2026-05-09']);
    const text = r.explanation.text.join('\n');
    expect(text).toContain('重新起算');
    expect(text).toContain('征求第三方意见');
    expect(text).toContain('延长');
  });

  it('counts an open pause up to today', () => {
    const r = due('review.decide', '2026-03-02', { pauses: [{ from: '2026-03-10', to: null, reason: '补正' }], asOf: '2026-03-15' });
    expect(r.explanation.pausedDays).toBe(5);
    expect(r.due).toBe('2026-05-06'); // 3-02 + 65 days
  });
});

describe('years without an entered arrangement', () => {
  // 2099: a year no shipped calendar will cover soon, so these stay true when 2027's arrangement ships.
  it('computes on weekends and the fixed-date statutory holidays, and flags the date as provisional', () => {
    const r = due('review.accept', '2098-12-30');
    expect(r.due).toBe('2099-01-07'); // 2099-01-01 (元旦) is a holiday whatever the notice says
    expect(r.provisional).toBe(true);
    expect(r.explanation.unknownYears).toEqual([2098, 2099]);
    expect(r.explanation.text.at(-1)).toContain('暂定');
  });

  it('becomes exact once the year is announced', () => {
    const cal = WorkCalendar.fromShipped([{ date: '2099-01-01', kind: 'holiday', name: '元旦', source: 'override' }], [2098, 2099]);
    const r = computeDeadline(cal, rule('review.accept'), { start: '2098-12-30' });
    expect(r.due).toBe('2099-01-07');
    expect(r.provisional).toBe(false);
  });

  it('an unentered year rests on 元旦, 劳动节 (5月1日、2日) and 国庆节 (10月1日至3日), and only on those of its holidays', () => {
    const cal = WorkCalendar.fromShipped();
    for (const date of ['2099-01-01', '2099-05-01', '2099-05-02', '2099-10-01', '2099-10-02', '2099-10-03']) expect(cal.info(date)).toMatchObject({ workday: false, reason: 'holiday', known: false });
    expect(cal.info('2099-10-05')).toMatchObject({ workday: true, known: false }); // a Monday: the rest of the break waits for the notice
    // An announced year follows its notice alone: a make-up day entered on 10-03 stands.
    const announced = WorkCalendar.fromShipped([{ date: '2099-10-03', kind: 'workday', name: '国庆节调休上班', source: 'override' }], [2099]);
    expect(announced.info('2099-10-03')).toMatchObject({ workday: true, known: true });
  });

  it('a date someone set stays that date, on a rest day or in a year without an arrangement, and is never provisional', () => {
    const set = { code: 'fixed', name: '指定完成时限', period: 6, unit: 'calendar_days' as const, extension: null, citation: '分工方案', minimum: false, fixedDate: true };
    const saturday = computeDeadline(WorkCalendar.fromShipped([], []), set, { start: '2026-11-29' });
    expect(saturday.due).toBe('2026-12-05');
    expect(saturday.explanation.rolledFrom).toBeNull();
    const far = computeDeadline(WorkCalendar.fromShipped([], []), set, { start: '2098-12-30' });
    expect(far).toMatchObject({ due: '2099-01-05', provisional: false });
    const paused = computeDeadline(WorkCalendar.fromShipped([], []), set, { start: '2026-11-29', pauses: [{ from: '2026-12-01', to: '2026-12-03', reason: '待确认' }] });
    expect(paused.due).toBe('2026-12-07');
  });

  it('a deadline inside a known year is not provisional', () => {
    expect(due('litigation.defence', '2026-11-01').provisional).toBe(false);
  });
});

describe('traffic lights', () => {
  it('green, yellow within the warning days, red once overdue', () => {
    expect(lightOf(calendar, '2026-10-30', '2026-10-20', 3).light).toBe('green');
    expect(lightOf(calendar, '2026-10-30', '2026-10-27', 3)).toEqual({ light: 'yellow', workingDaysLeft: 3 });
    expect(lightOf(calendar, '2026-10-30', '2026-10-30', 3)).toEqual({ light: 'yellow', workingDaysLeft: 0 });
    expect(lightOf(calendar, '2026-10-30', '2026-11-02', 3)).toEqual({ light: 'red', workingDaysLeft: -1 });
  });

  it('counts working days across a holiday', () => {
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-09')).toBe(2);
  });
});

describe('shipped rules', () => {
  it('each code is shipped once, and every rule a workflow starts a clock on is shipped', () => {
    const codes = SHIPPED.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const used = MODULES.flatMap((m) => m.workflows ?? []).flatMap((w) => w.transitions).flatMap((t) => t.effects ?? []).flatMap((e) => ('start' in e && 'rule' in e ? (typeof e.rule === 'string' ? [e.rule] : [...Object.values(e.rule.rules), e.rule.fallback]) : []));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((code) => !codes.includes(code))).toEqual([]);
  });
});
