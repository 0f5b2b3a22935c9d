// The written legality-review opinion (合法性审查意见书) as .docx, in the official document format
// (GB/T 9704: A4, 仿宋_GB2312 3号 body with 28-point lines, the title in 方正小标宋简体 2号, the
// reviewing office and date at the end): for a matter under review and for a normative document.
import type { Platform } from '../../kernel/platform.ts';
import { countyUnitOf, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict } from '../../kernel/http/errors.ts';
import { officialDocx, textParagraphs } from '../../kernel/documents/official.ts';
import { chineseDate } from '../../../shared/schemas/reports.ts';
import { FINDINGS, LEGAL_REVIEW_KINDS, REVIEW_CONCLUSIONS } from '../../../shared/schemas/normative.ts';
import { getLegalReview } from './legal-reviews.ts';
import { getNormativeDoc } from './normative.ts';

interface Opinion {
  title: string;
  /** 送审单位, the matter and its kind, the dates: label and value, one line each. */
  facts: [string, string][];
  opinion: string;
  office: string;
  date: string;
}

const opinionDocx = (o: Opinion): Promise<Buffer> =>
  officialDocx({ title: o.title, issuer: o.office, issuedDate: o.date, body: textParagraphs([...o.facts.map(([label, value]) => `${label}：${value}`), o.opinion].join('\n')) });

/** The reviewing office: the opinion names the government of the county the reviewed unit lies in. */
async function officeName(platform: Platform, unitId: string): Promise<string> {
  return `${(await countyUnitOf(platform.db, unitId))?.name ?? ''}合法性审查机构`;
}

export async function legalReviewOpinion(platform: Platform, scope: DataScope, id: string): Promise<{ filename: string; buffer: Buffer }> {
  const review = await getLegalReview(platform, scope, id);
  if (review.status !== 'completed' || !review.opinion) throw conflict('尚未出具审查意见（或为导入的台账，未录入意见正文），不能生成意见书');
  const buffer = await opinionDocx({
    title: '合法性审查意见书',
    facts: [
      ['送审单位', review.unitName],
      ['审查事项', `${review.title}（${LEGAL_REVIEW_KINDS[review.kind as keyof typeof LEGAL_REVIEW_KINDS]}）`],
      ['收件日期', chineseDate(review.receivedDate)],
      ...(review.reviewer ? [['审查人', review.reviewer] as [string, string]] : []),
    ],
    opinion: `审查意见：${review.opinion}`,
    office: await officeName(platform, review.unitId),
    date: review.completedDate!,
  });
  return { filename: `合法性审查意见书-${review.title.slice(0, 40)}.docx`, buffer };
}

export async function normdocOpinion(platform: Platform, scope: DataScope, id: string): Promise<{ filename: string; buffer: Buffer }> {
  const doc = await getNormativeDoc(platform, scope, id);
  if (!doc.reviewedDate || !doc.review.opinion) throw conflict('尚未出具合法性审查意见（或为导入的台账，未录入意见正文），不能生成意见书');
  const buffer = await opinionDocx({
    title: '行政规范性文件合法性审查意见书',
    facts: [
      ['起草单位', doc.unitName],
      ['文件名称', doc.title],
      ...doc.review.findings.map((f) => [f.label, f.finding ? FINDINGS[f.finding] : '未记录'] as [string, string]),
      ['审查结论', doc.review.conclusion ? REVIEW_CONCLUSIONS[doc.review.conclusion] : '未记录'],
    ],
    opinion: `审查意见：${doc.review.opinion}`,
    office: await officeName(platform, doc.unitId),
    date: doc.reviewedDate,
  });
  return { filename: `合法性审查意见书-${doc.title.slice(0, 40)}.docx`, buffer };
}
