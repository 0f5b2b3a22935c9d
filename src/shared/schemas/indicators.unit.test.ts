import { describe, expect, it } from 'vitest';
import { changeOverLastYear, changeTone, changeWords, figureMeasure, figureNumber } from './indicators.ts';

describe('a figure’s change over last year, as officials read it', () => {
  it('is in percentage points for a rate and in per cent for a count; no change is 持平', () => {
    expect(changeOverLastYear({ kind: 'rate', value: 0.5, lastYear: 0.4 })).toBeCloseTo(0.1);
    expect(changeWords('rate', changeOverLastYear({ kind: 'rate', value: 0.5, lastYear: 0.4 }))).toBe('较去年提高10个百分点');
    expect(changeWords('count', changeOverLastYear({ kind: 'count', value: 50, lastYear: 40 }))).toBe('较去年增长25%');
    expect(changeWords('count', changeOverLastYear({ kind: 'count', value: 30, lastYear: 40 }))).toBe('较去年下降25%');
    expect(changeWords('rate', changeOverLastYear({ kind: 'rate', value: 0.4, lastYear: 0.4 }))).toBe('与去年持平');
    expect(changeOverLastYear({ kind: 'count', value: 3, lastYear: 0 })).toBeNull();
    expect(changeWords('count', null)).toBe('去年无可比数据');
    // A change figure (案件同比) is itself a ratio: its change is in points, not a per cent of a per cent.
    expect(changeWords('change', changeOverLastYear({ kind: 'change', value: 0.2, lastYear: 0.1 }))).toBe('较去年提高10个百分点');
  });

  it('is good or bad news by the figure’s better direction, not by the arrow', () => {
    expect(changeTone('up', 0.1)).toBe('good');
    expect(changeTone('up', -0.1)).toBe('bad');
    expect(changeTone('down', 0.1)).toBe('bad');
    expect(changeTone('down', -0.1)).toBe('good');
    expect(changeTone(null, 0.1)).toBe('neutral');
    expect(changeTone('up', 0)).toBe('flat');
    expect(changeTone('down', null)).toBeNull();
  });
});

describe('a figure’s number and measure, as read', () => {
  it('reads an amount kept in fen in 万元 and leaves other figures in their own measure', () => {
    expect(figureMeasure({ code: 'audit.amount_fen', measure: '分' })).toBe('万元');
    expect(figureNumber({ code: 'audit.amount_fen' }, 1_091_900_000)).toBe('1091.9');
    expect(figureNumber({ code: 'legal_aid.wages_recovered_fen' }, 123_456)).toBe('0.12');
    // A score in 分 is not money.
    expect(figureMeasure({ code: 'assessment.average_score', measure: '分' })).toBe('分');
    expect(figureNumber({ code: 'assessment.average_score' }, 87.456)).toBe('87.46');
    expect(figureNumber({ code: 'foi.fees_collected' }, 12.5)).toBe('12.5');
  });
});
