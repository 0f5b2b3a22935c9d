// 决策档案 (条例 art. 33): every material of a decision in one .zip with an index — the record and
// its five procedures, the draft, each comment with its answer, the hearings and meetings, the
// implementation reports, the timeline, and every evidence file: each procedure's (证明材料, in a
// folder of its own) and those uploaded to the decision as a whole.
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import type { Platform } from '../../kernel/platform.ts';
import type { DataScope } from '../../kernel/auth/scope.ts';
import { BlobStore } from '../../kernel/attachments/store.ts';
import { readTimeline } from '../../kernel/workflow/timeline.ts';
import { COMMENT_ANSWERS, COMMENT_CHANNELS, DECISION, DECISION_RECORD_TYPE, LEGALITY_CONCLUSIONS, PROCEDURE_RECORD_TYPE, MEETINGS, POST_EVAL_CONCLUSIONS, REVIEWER_KINDS, RISK_LEVELS } from '../../../shared/schemas/decisions.ts';
import { getDecision } from './decisions.ts';

const line = (label: string, value: unknown) => (value === null || value === undefined || value === '' ? null : `${label}：${value}`);
const section = (title: string, lines: (string | null)[]) => [`【${title}】`, ...lines.filter((l): l is string => l !== null), ''].join('\n');
const csvCell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
/** A file name a zip and every desktop accept. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);

export async function decisionArchive(platform: Platform, scope: DataScope, id: string): Promise<{ filename: string; buffer: Buffer; files: number }> {
  const d = await getDecision(platform, scope, id);
  const [comments, timeline, attachments] = await Promise.all([
    platform.db.selectFrom('decision_comments').selectAll().where('decision_id', '=', id).orderBy('received_date').orderBy('id').execute(),
    readTimeline(platform.db, DECISION_RECORD_TYPE, id),
    platform.db.selectFrom('attachments').select(['id', 'filename', 'content_hash', 'uploaded_at', 'size']).where('record_type', '=', DECISION_RECORD_TYPE).where('record_id', '=', id).orderBy('uploaded_at').execute(),
  ]);
  const label = <T extends Record<string, string>>(options: T, v: string | null) => (v ? (options[v] ?? v) : null);
  const zip = new PizZip();
  const index: string[] = [];
  const add = (path: string, content: string | Buffer, what: string) => {
    zip.file(path, content);
    index.push(`${String(index.length + 1).padStart(2, '0')}  ${path}  ${what}`);
  };
  const evidenceLine = (p: (typeof d.procedures)[number]) =>
    p.notApplicable ? '' : p.evidence.length ? `；证明材料 ${p.evidence.length} 份（见 06-材料/${p.label}）` : p.imported ? '；证明材料：批量导入的历史记录，见原决策档案' : '；尚无证明材料';
  const procedures = d.procedures.map((p) => `${p.label}：${p.notApplicable ? '不适用' : p.done ? '已完成' : '未完成'}——${p.summary}${evidenceLine(p)}`);
  add(
    '01-决策概况.txt',
    [
      section('决策事项', [line('名称', d.title), line('年度', d.year), line('承办单位', d.unitName), line('目录事项', d.catalogItemTitle ?? '未列入目录'), line('未列入目录的理由', d.unlistedReason), line('决策事项说明', d.summary), line('状态', d.statusLabel)]),
      section('法定程序', procedures),
      section('公众参与', [line('不适用理由', d.ppNaReason), line('征求意见期间', d.commentStart ? `${d.commentStart} 至 ${d.commentEnd}` : null), line('期限少于30日的理由', d.commentShortReason), line('收到意见', `${d.commentsReceived} 条`), line('意见采纳情况公布日期', d.commentSummaryDate)]),
      section('专家论证', [line('不适用理由', d.expertNaReason), line('日期', d.expertSessionDate), line('论证专家', d.experts), line('论证意见', d.expertOpinion)]),
      section('风险评估', [line('不适用理由', d.riskNaReason), line('日期', d.riskAssessmentDate), line('风险等级', label(RISK_LEVELS, d.riskLevel)), line('评估机构', d.riskAssessor), line('评估报告', d.riskReport), line('防范措施', d.riskMeasures)]),
      section('合法性审查', [line('送审日期', d.legalitySubmittedDate), line('审查期限', d.legalityDueDate), line('审查机构', `${label(REVIEWER_KINDS, d.legalityReviewerKind) ?? ''} ${d.legalityReviewer ?? ''}`.trim()), line('审查意见日期', d.legalityReviewDate), line('审查结论', label(LEGALITY_CONCLUSIONS, d.legalityConclusion)), line('审查意见', d.legalityOpinion)]),
      section('集体讨论决定', [line('会议', label(MEETINGS, d.meeting)), line('会议名称', d.meetingName), line('日期', d.deliberationDate), line('会议纪要', d.minutes), line('不同意见', d.dissent)]),
      section('决策、公布与执行', [line('决策日期', d.decidedDate), line('公布日期', d.publishedDate), line('公布载体', d.publication), ...d.reports.map((r) => `执行情况（${r.date}）：${r.content}`)]),
      section('决策后评估', [line('完成日期', d.postEvalDate), line('启动情形', d.postEvalTrigger), line('评估机构', d.postEvaluator), line('评估结论', label(POST_EVAL_CONCLUSIONS, d.postEvalConclusion)), line('评估报告', d.postEvalReport)]),
    ].join('\n'),
    '决策事项、五项法定程序、决策公布执行与后评估',
  );
  if (d.draftText) add('02-决策草案及说明.txt', d.draftText, '公开征求意见的决策草案及其说明');
  if (comments.length) {
    const rows = [['序号', '收到日期', '来源', '意见内容', '采纳情况', '理由', '处理日期'], ...comments.map((c, i) => [i + 1, c.received_date, label(COMMENT_CHANNELS, c.channel), c.content, label(COMMENT_ANSWERS, c.answer), c.answer_reason, c.answered_date])];
    add('03-公众意见及采纳情况.csv', `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, `公众意见 ${comments.length} 条及其采纳情况（提出人个人信息不入档案包）`);
  }
  if (d.events.length) add('04-听证会座谈会论证会.txt', d.events.map((e) => [section(`${e.kindLabel}（${e.date}）`, [line('公告日期', e.noticeDate), line('参加人数', e.participants), line('参加人员', e.participantList), line('记录', e.record)])]).join('\n'), `听证会、专家论证会、座谈会 ${d.events.length} 场`);
  add('05-办理过程.txt', timeline.map((t) => `${t.at.replace('T', ' ').slice(0, 16)}  ${t.actorName ?? ''}  ${t.label}${t.note ? `（${t.note}）` : ''}`).join('\n'), '办理时间线');
  const store = new BlobStore(platform.config.attachmentsDir);
  let files = 0;
  // Each procedure's evidence (those the reader may see, as on the workspace), in a folder named after it.
  const hashes = new Map(
    (await platform.db.selectFrom('attachments').select(['id', 'content_hash']).where('record_type', '=', PROCEDURE_RECORD_TYPE).where('record_id', 'in', d.procedures.map((p) => p.evidenceId)).execute()).map((a) => [a.id, a.content_hash]),
  );
  for (const p of d.procedures) {
    for (const [i, a] of p.evidence.entries()) {
      const hash = hashes.get(a.id);
      if (!hash || !store.has(hash)) continue;
      add(`06-材料/${p.label}/${String(i + 1).padStart(2, '0')}-${safeName(a.filename)}`, readFileSync(store.filePath(hash)), `${p.label}证明材料（${a.uploadedAt.slice(0, 10)} 上传）`);
      files++;
    }
  }
  for (const [i, a] of attachments.entries()) {
    if (!store.has(a.content_hash)) continue;
    add(`06-材料/${String(i + 1).padStart(2, '0')}-${safeName(a.filename)}`, readFileSync(store.filePath(a.content_hash)), `台账材料（${a.uploaded_at.slice(0, 10)} 上传）`);
    files++;
  }
  zip.file('00-目录.txt', [`${d.title} 决策档案`, `（依《重大行政决策程序暂行条例》第三十三条归档；生成于 ${new Date().toISOString().slice(0, 10)}）`, '', ...index].join('\n'));
  void DECISION;
  return { filename: `${safeName(d.title)}-决策档案.zip`, buffer: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer, files };
}
