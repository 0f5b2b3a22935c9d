import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { draftNarrative } from './narrative.ts';

const value = (code: string, name: string, kind: 'count' | 'rate', v: number | null): IndicatorValue =>
  ({ code, name, kind, measure: kind === 'count' ? '件' : '%', definition: '', value: v, lastYear: null, yoy: null }) as unknown as IndicatorValue;

const figures = (values: Record<string, number>) =>
  new Map(
    [
      value('tasks.overdue', '逾期任务', 'count', values.overdue ?? 0),
      value('inspections.findings', '督察发现问题', 'count', values.findings ?? 0),
      value('inspections.rectified', '已整改问题', 'count', values.rectified ?? 0),
      value('inspections.rectification_rate', '问题整改率', 'rate', values.findings ? (values.rectified ?? 0) / values.findings : null),
      value('review.corrected', '纠错案件', 'count', values.corrected ?? 0),
      value('litigation.lost', '败诉案件', 'count', values.lost ?? 0),
    ].map((v) => [v.code, v]),
  );
const words = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the draft report’s own sentences', () => {
  it('say who carries the work out by the unit’s kind: a town never speaks of 各部门、各乡镇', () => {
    const none = figures({});
    expect(words(draftNarrative('measures', 'county', 2025, none))).toContain('各部门、各乡镇（街道）协同落实');
    for (const kind of ['town', 'department', 'village', 'other'] as const) expect(draftNarrative('measures', kind, 2025, none)).not.toContain('各部门、各乡镇');
    expect(words(draftNarrative('measures', 'town', 2025, none))).toContain('各村（社区）');
    expect(words(draftNarrative('measures', 'department', 2025, none))).toContain('本部门');
  });

  it('name a shortcoming only when a figure shows it, with that figure in the sentence', () => {
    const clean = words(draftNarrative('shortcomings', 'county', 2025, figures({ findings: 3, rectified: 3 })));
    expect(clean).not.toMatch(/[一二三]是|纠错[0-9]|败诉[0-9]|尚未全部整改/);
    expect(clean).toContain('没有被复议纠错或败诉的案件');

    const corrected = draftNarrative('shortcomings', 'county', 2025, figures({ corrected: 2 }));
    expect(words(corrected)).toBe('一是行政执法规范化水平有待提高，行政复议纠错2件。');
    expect(corrected).toContain('data-figure="review.corrected" data-part="value" data-value="2"');

    const all = words(draftNarrative('shortcomings', 'town', 2025, figures({ overdue: 1, findings: 4, rectified: 1, corrected: 1, lost: 2 })));
    expect(all).toBe('一是部分重点任务推进不平衡，逾期未完成1件；二是督察发现的问题尚未全部整改销号，问题整改率为25%；三是行政执法规范化水平有待提高，行政复议纠错1件、行政诉讼败诉2件。');
  });

  it('leave the sections only people can write empty', () => {
    for (const key of ['next_year', 'other', 'duty', 'measures.review']) expect(draftNarrative(key, 'county', 2025, figures({}))).toBe('');
  });
});
