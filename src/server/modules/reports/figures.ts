// Figures in a report's text. A figure is a span that names its indicator, which part it shows
// (the value, or the change over last year) and the value it was written with:
//   <span data-figure="review.received" data-part="value" data-value="16">16件</span>
// The server writes the span's text from its value, so the stored value is what the reader sees;
// a figure is stale when the indicator's value now differs, and refreshing rewrites the span.
import sanitizeHtml from 'sanitize-html';
import { changeOverLastYear, changeWords, figureMeasure, figureNumber, isRatio, trimNumber, type IndicatorValue } from '../../../shared/schemas/indicators.ts';
import type { ReportFigure } from '../../../shared/schemas/reports.ts';

export type FigurePart = 'value' | 'yoy';
type Def = Pick<IndicatorValue, 'code' | 'name' | 'kind' | 'measure'>;

const percent = (ratio: number) => `${trimNumber(ratio * 100, 1)}%`;

/** The part's value for an indicator: the figure itself, or its change (a ratio for counts, percentage points as a fraction for rates). */
export function partValue(v: IndicatorValue, part: FigurePart): number | null {
  return part === 'value' ? v.value : changeOverLastYear(v);
}

/** The words a figure shows: "16件", "55.2%", "较去年下降13%", "较去年提高2.1个百分点". */
export function figureText(def: Def, part: FigurePart, value: number | null): string {
  if (part === 'yoy') return changeWords(def.kind, value);
  if (value === null) return '—';
  if (isRatio(def.kind)) return percent(value);
  return `${figureNumber(def, value)}${figureMeasure(def)}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function figureSpan(def: Def, part: FigurePart, value: number | null): string {
  return `<span data-figure="${attr(def.code)}" data-part="${part}" data-value="${value === null ? '' : value}">${text(figureText(def, part, value))}</span>`;
}

/** The draft of a section: one sentence with each figure and, where there is one, its change over last year. */
export function draftParagraph(values: IndicatorValue[]): string {
  // A rate without a denominator (no cases) says nothing: leave it out.
  const phrases = values.filter((v) => v.value !== null).map((v) => {
    const head = !isRatio(v.kind) ? `${text(v.name)}${figureSpan(v, 'value', v.value)}` : `${text(v.name)}为${figureSpan(v, 'value', v.value)}`;
    const change = partValue(v, 'yoy');
    return change === null ? head : `${head}，${figureSpan(v, 'yoy', change)}`;
  });
  return phrases.length ? `<p>全年，${phrases.join('；')}。</p>` : '';
}

const SPAN = /<span data-figure="([^"]+)" data-part="(value|yoy)" data-value="([^"]*)">[^<]*<\/span>/g;

/**
 * Cleans narrative HTML to the tags a report uses and rewrites every figure span in the canonical
 * form (attributes in order, text from its value). A span naming an unknown indicator loses its link.
 */
export function sanitizeSection(html: string, defs: ReadonlyMap<string, Def>): string {
  const clean = sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'span', 'blockquote'],
    allowedAttributes: { span: ['data-figure', 'data-part', 'data-value'] },
    allowedSchemes: [],
    transformTags: {
      b: 'strong',
      i: 'em',
      span: (tagName, attribs): sanitizeHtml.Tag => {
        const def = defs.get(attribs['data-figure'] ?? '');
        const part = attribs['data-part'] === 'yoy' ? 'yoy' : 'value';
        if (!def) return { tagName: 'span', attribs: {} as Record<string, string> };
        const raw = attribs['data-value'];
        const value = raw === undefined || raw === '' || !Number.isFinite(Number(raw)) ? null : Number(raw);
        return { tagName: 'span', attribs: { 'data-figure': def.code, 'data-part': part, 'data-value': value === null ? '' : String(value) }, text: figureText(def, part, value) };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'span' && !frame.attribs['data-figure'] && !frame.text.trim(),
  });
  // Bare spans (no figure) carry nothing: keep their text only.
  return clean.replace(/<span>([^<]*)<\/span>/g, '$1');
}

/** Every figure in the text, compared with the indicator's value now. */
export function figuresIn(htmls: string[], current: ReadonlyMap<string, IndicatorValue>): ReportFigure[] {
  const out: ReportFigure[] = [];
  for (const html of htmls) {
    for (const [, code, part, raw] of html.matchAll(SPAN)) {
      const v = current.get(code!);
      if (!v) continue;
      const stored = raw === '' ? null : Number(raw);
      const now = partValue(v, part as FigurePart);
      out.push({ code: code!, name: v.name, part: part as FigurePart, stored, current: now, storedText: figureText(v, part as FigurePart, stored), currentText: figureText(v, part as FigurePart, now), stale: !sameValue(stored, now) });
    }
  }
  return out;
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** Rewrites the figures (all, or those of the given indicators) with today's values. */
export function refreshFigures(html: string, current: ReadonlyMap<string, IndicatorValue>, codes?: ReadonlySet<string>): string {
  return html.replace(SPAN, (span, code: string, part: FigurePart) => {
    const v = current.get(code);
    if (!v || (codes && !codes.has(code))) return span;
    return figureSpan(v, part, partValue(v, part));
  });
}
