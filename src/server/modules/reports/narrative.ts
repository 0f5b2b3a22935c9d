// The draft's own sentences around its figures. They are chosen, never fixed: by the unit's kind (the
// county coordinates its departments and towns, a town its villages and communities, a department its
// offices) and by the figures (a shortcoming is named only when a figure shows it, with that figure
// in the sentence). Staff rewrite them freely; the draft just never contradicts itself.
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import type { UnitKind } from '../../../shared/schemas/org.ts';
import { figureSpan } from './figures.ts';

type Figures = ReadonlyMap<string, IndicatorValue>;

const WHO_CARRIES_OUT: Record<UnitKind, string> = {
  county: '各部门、各乡镇（街道）协同落实',
  department: '本部门各科室、所属单位协同落实',
  town: '各村（社区）、站所协同落实',
  village: '村（居）民委员会组织落实',
  other: '各相关科室协同落实',
};

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

const count = (figures: Figures, code: string) => figures.get(code)?.value ?? 0;
const span = (figures: Figures, code: string) => {
  const v = figures.get(code)!;
  return figureSpan(v, 'value', v.value);
};

/** The shortcomings the figures show, each with its figure; none when the figures show none. */
function shortcomings(figures: Figures): string[] {
  const points: string[] = [];
  if (count(figures, 'tasks.overdue') > 0) points.push(`部分重点任务推进不平衡，逾期未完成${span(figures, 'tasks.overdue')}`);
  const findings = count(figures, 'inspections.findings');
  if (findings > count(figures, 'inspections.rectified')) points.push(`督察发现的问题尚未全部整改销号，问题整改率为${span(figures, 'inspections.rectification_rate')}`);
  const corrected = count(figures, 'review.corrected');
  const lost = count(figures, 'litigation.lost');
  if (corrected > 0 || lost > 0) {
    const which = [corrected > 0 ? `行政复议纠错${span(figures, 'review.corrected')}` : null, lost > 0 ? `行政诉讼败诉${span(figures, 'litigation.lost')}` : null].filter(Boolean).join('、');
    points.push(`行政执法规范化水平有待提高，${which}`);
  }
  if (count(figures, 'services.bad_ratings') > count(figures, 'services.bad_ratings_fixed') && figures.has('services.bad_rating_fix_rate')) {
    points.push(`政务服务“好差评”差评整改还不到位，差评整改率为${span(figures, 'services.bad_rating_fix_rate')}`);
  }
  return points;
}

/** The prose a section's draft opens with (HTML), before the sentence of its figures; '' for none. */
export function draftNarrative(sectionKey: string, kind: UnitKind, year: number, figures: Figures): string {
  switch (sectionKey) {
    case 'measures':
      return `<p>${year}年，我们深入学习贯彻习近平法治思想，把法治政府建设纳入全局工作统筹推进，主要负责人研究部署，${WHO_CARRIES_OUT[kind]}。</p>`;
    case 'shortcomings': {
      const points = shortcomings(figures);
      if (points.length === 0) return '<p>全年没有逾期未完成的重点任务、未整改销号的督察问题，也没有被复议纠错或败诉的案件。</p>';
      return `<p>${points.map((p, i) => `${ORDINALS[i]}是${p}`).join('；')}。</p>`;
    }
    case 'measures.decisions':
      // Only a unit that has a catalog item or a decision in the year says it kept the procedures.
      if (count(figures, 'decisions.catalog_items') === 0 && count(figures, 'decisions.decided') === 0) return '';
      return '<p>严格落实《重大行政决策程序暂行条例》，编制并公布年度重大行政决策事项目录，重大行政决策履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序。</p>';
    case 'measures.services':
      // Only a unit with service items in its list speaks of them.
      if (count(figures, 'services.items') === 0) return '';
      return '<p>深化“放管服”改革，实行政务服务事项清单管理并动态调整，推进“最多跑一次”“一网通办”，压缩审批时限；全面落实政务服务“好差评”制度，差评实行回访、整改、核验闭环管理。</p>';
    default:
      return '';
  }
}
