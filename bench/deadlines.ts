// Computes 100,000 deadlines of mixed rules (working days across holidays and 调休, calendar days
// that roll, months, pauses, extensions) on the shipped calendar and prints the time taken.
// node bin/run-ts.mjs bench/deadlines.ts [COUNT]
import { WorkCalendar } from '../src/server/kernel/calendar/work-calendar.ts';
import { computeDeadline, computeDue, type ClockFacts, type DeadlineRule } from '../src/server/kernel/calendar/deadline.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { fromDayNumber, toDayNumber } from '../src/server/kernel/calendar/days.ts';

const count = Number(process.argv[2] ?? 100_000);
// The shipped rules, as the modules declare them.
const rules: DeadlineRule[] = MODULES.flatMap((m) => m.deadlineRules ?? []).map((r) => ({ code: r.code, name: r.name, period: r.period, unit: r.unit, extension: r.extension ?? null, citation: r.citation, minimum: r.minimum ?? false }));

// A deterministic generator, so runs are comparable.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const first = toDayNumber('2024-01-01');
const span = toDayNumber('2026-12-31') - first;

const cases: { rule: DeadlineRule; facts: ClockFacts }[] = [];
for (let i = 0; i < count; i++) {
  const rule = rules[Math.floor(random() * rules.length)]!;
  const start = first + Math.floor(random() * span);
  const facts: ClockFacts = { start: fromDayNumber(start), asOf: '2026-11-20' };
  if (random() < 0.2) facts.pauses = [{ from: fromDayNumber(start + 2), to: fromDayNumber(start + 2 + Math.floor(random() * 20)), reason: '补正' }];
  if (rule.extension && random() < 0.3) facts.extended = true;
  cases.push({ rule, facts });
}

const t0 = performance.now();
const calendar = WorkCalendar.fromShipped();
const tCalendar = performance.now() - t0;

function time(label: string, fn: (c: (typeof cases)[number]) => unknown) {
  const start = performance.now();
  let sink = 0;
  for (const c of cases) sink += (fn(c) as { due: string }).due.length;
  const ms = performance.now() - start;
  console.log(`${label}: ${count.toLocaleString('en')} deadlines in ${ms.toFixed(0)} ms (${Math.round((count / ms) * 1000).toLocaleString('en')}/s)${sink ? '' : ''}`);
  return ms;
}

console.log(`calendar build (shipped data 2004–2026): ${tCalendar.toFixed(1)} ms`);
time('due date only (warm-up)', (c) => computeDue(calendar, c.rule, c.facts));
const dueMs = time('due date only', (c) => computeDue(calendar, c.rule, c.facts));
const explainMs = time('due date + full explanation', (c) => computeDeadline(calendar, c.rule, c.facts));
console.log(`target: 100,000 in well under 1,000 ms — ${dueMs < 1000 && explainMs < 1000 ? 'met' : 'NOT met'}`);
