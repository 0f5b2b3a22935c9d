import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { draftParagraph, figureText, figuresIn, refreshFigures, sanitizeSection } from './figures.ts';

type Def = Pick<IndicatorValue, 'code' | 'name' | 'kind' | 'measure' | 'definition' | 'better'>;
const count: Def = { code: 'review.received', name: '收到行政复议申请', kind: 'count', measure: '件', definition: '', better: null };
const rate: Def = { code: 'review.correction_rate', name: '复议纠错率', kind: 'rate', measure: '%', definition: '', better: null };
const defs = new Map<string, Def>([[count.code, count], [rate.code, rate]]);

describe('report figures in words', () => {
  it('say values and changes the way a report does', () => {
    expect(figureText(count, 'value', 16)).toBe('16件');
    expect(figureText(count, 'value', 100)).toBe('100件');
    expect(figureText(count, 'yoy', 1)).toBe('较去年增长100%');
    expect(figureText(count, 'yoy', -0.13)).toBe('较去年下降13%');
    expect(figureText(count, 'yoy', 0)).toBe('与去年持平');
    expect(figureText(rate, 'value', 0.5525)).toBe('55.3%');
    expect(figureText(rate, 'value', 1)).toBe('100%');
    expect(figureText(rate, 'yoy', 0.021)).toBe('较去年提高2.1个百分点');
    expect(figureText(rate, 'yoy', -0.1)).toBe('较去年降低10个百分点');
    expect(figureText(count, 'value', null)).toBe('—');
  });

  it('draft one sentence per section, leaving out rates without cases', () => {
    const html = draftParagraph([
      { ...count, value: 16, lastYear: 20, yoy: -0.2 },
      { ...rate, value: null, lastYear: 0.5, yoy: null },
    ]);
    expect(html.replace(/<[^>]+>/g, '')).toBe('全年，收到行政复议申请16件，较去年下降20%。');
  });

  it('keep figure links through sanitising, find stale ones and refresh only those asked for', () => {
    const html = sanitizeSection(`<p>文<span class="x" data-value="16" data-figure="review.received" data-part="value">7件</span>、<span data-figure="review.correction_rate" data-part="value" data-value="0.5">50%</span><span data-figure="nope" data-value="1">1</span></p>`, defs);
    expect(html).toBe('<p>文<span data-figure="review.received" data-part="value" data-value="16">16件</span>、<span data-figure="review.correction_rate" data-part="value" data-value="0.5">50%</span>1</p>');
    const now = new Map([[count.code, { ...count, value: 17, lastYear: 20, yoy: null }], [rate.code, { ...rate, value: 0.5, lastYear: null, yoy: null }]]);
    expect(figuresIn([html], now).map((f) => [f.code, f.stale])).toEqual([['review.received', true], ['review.correction_rate', false]]);
    expect(refreshFigures(html, now, new Set(['review.correction_rate']))).toBe(html);
    expect(refreshFigures(html, now)).toContain('data-value="17">17件</span>');
  });
});
