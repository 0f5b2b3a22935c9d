// A field's legal basis (the tooltip beside its label) and the deadline rule it names must say the
// same thing: a basis that cites a law and article (or a document number) that a rule cites names that
// rule, and then it cites the same revision of the law, and every period it states is the period of
// one of the rules it names. So a tooltip cannot contradict the rules the clocks count by.
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../modules/index.ts';
import type { DeadlineRuleSeed } from './default-rules.ts';
import { entries } from '../../../shared/records.ts';

const RULES: readonly DeadlineRuleSeed[] = MODULES.flatMap((m) => m.deadlineRules ?? []);

const UNITS: Record<string, string> = { 个工作日: 'working_days', 工作日: 'working_days', 日: 'calendar_days', 天: 'calendar_days', 个月: 'months' };
const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 第六十二条 → 62 (articles are compared as numbers: 第62条 and 第六十二条 are one article). */
function articleNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') (total += (current || 1) * 100), (current = 0);
    else if (ch === '十') (total += (current || 1) * 10), (current = 0);
    else current = DIGITS[ch] ?? 0;
  }
  return total + current;
}

interface Citation {
  /** Laws by title (without 中华人民共和国), and document numbers (国办发〔2018〕118号). */
  sources: Set<string>;
  /** Revision years by law title (《…》（2023年修订）). */
  revisions: Map<string, string>;
  /** Articles by source, for the sources an article follows. */
  articles: Map<string, Set<number>>;
}

function cite(text: string): Citation {
  const sources = new Set<string>();
  const revisions = new Map<string, string>();
  const articles = new Map<string, Set<number>>();
  let last: string | null = null;
  for (const m of text.matchAll(/《([^》]+)》(?:（(\d{4})年(?:修订|修正)）)?|([\u4e00-\u9fa5]+〔\d{4}〕\d+号)|第([一二三四五六七八九十百零两\d]+)条/g)) {
    if (m[1] || m[3]) {
      last = (m[1] ?? m[3]!).replace(/^中华人民共和国/, '');
      sources.add(last);
      if (m[2]) revisions.set(last, m[2]);
    } else if (m[4] && last) {
      if (!articles.has(last)) articles.set(last, new Set());
      articles.get(last)!.add(articleNumber(m[4]));
    }
  }
  return { sources, revisions, articles };
}

/** The rules a basis names: a source they share, and an article they share where both give one. */
function named(basis: Citation): DeadlineRuleSeed[] {
  return RULES.filter((rule) => {
    const c = cite(rule.citation);
    return [...basis.sources].some((s) => {
      if (!c.sources.has(s)) return false;
      const mine = basis.articles.get(s);
      const theirs = c.articles.get(s);
      return !mine || !theirs || [...mine].some((a) => theirs.has(a));
    });
  });
}

/** The periods a text states: 20个工作日, 15日内, 3个月 (dates such as 4月1日 are not periods). */
const periods = (text: string) => [...text.matchAll(/(?<![月\d])(\d+)(个工作日|工作日|个月|日|天)(?:内|以内|之内|起|前)?/g)].map((m) => ({ period: Number(m[1]), unit: UNITS[m[2]!]!, text: m[0] }));

const bases = MODULES.flatMap((m) => m.records ?? []).flatMap((def) => entries(def).filter(([, f]) => f.basis).map(([name, f]) => ({ where: `${def.type}.${name}（${f.label}）`, basis: f.basis! })));

describe('a field’s legal basis and the deadline rules', () => {
  it('reads citations as the rules write them', () => {
    expect(articleNumber('六十二')).toBe(62);
    expect(articleNumber('十')).toBe(10);
    expect(articleNumber('三十三')).toBe(33);
    const c = cite('《中华人民共和国行政复议法》（2023年修订）第三十条；国办发〔2018〕118号');
    expect([...c.sources]).toEqual(['行政复议法', '国办发〔2018〕118号']);
    expect(c.revisions.get('行政复议法')).toBe('2023');
    expect([...c.articles.get('行政复议法')!]).toEqual([30]);
    expect(periods('收到申请之日起20个工作日内答复，60日内（简易程序30日内）作出决定，3个月内').map((p) => `${p.period}${p.unit}`)).toEqual(['20working_days', '60calendar_days', '30calendar_days', '3months']);
    expect(periods('每年4月1日之前公开')).toEqual([]);
  });

  it('finds the bases that name a rule', () => {
    const naming = bases.filter((b) => named(cite(b.basis)).length > 0);
    // Enough of them that the check below means something (reconsideration, disclosure, enforcement, litigation, proposals…).
    expect(naming.length).toBeGreaterThan(8);
  });

  it('cites the same revision and states only the periods of the rules it names', () => {
    expect(bases.flatMap(({ where, basis }) => problemsOf(where, basis))).toEqual([]);
  });

  it('catches a basis that contradicts its rule', () => {
    expect(problemsOf('x', '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条：收到申请之日起25个工作日内答复')).toEqual([expect.stringContaining('“25个工作日内”不是所引规则')]);
    expect(problemsOf('x', '《中华人民共和国行政处罚法》（2017年修正）第六十条')).toEqual([expect.stringContaining('2017年版')]);
  });
});

function problemsOf(where: string, basis: string): string[] {
  const problems: string[] = [];
  const c = cite(basis);
  const rules = named(c);
  if (!rules.length) return problems;
  for (const rule of rules) {
    const r = cite(rule.citation);
    for (const [law, year] of c.revisions) {
      const theirs = r.revisions.get(law);
      if (theirs && theirs !== year) problems.push(`${where}: 《${law}》${year}年版，规则 ${rule.code} 引 ${theirs}年版`);
    }
  }
  for (const p of periods(basis)) {
    if (!rules.some((rule) => rule.period === p.period && rule.unit === p.unit)) problems.push(`${where}: “${p.text}”不是所引规则（${rules.map((x) => `${x.code} ${x.period}${x.unit}`).join('、')}）的期限`);
  }
  return problems;
}
