// 规范性文件: a unit drafts (text pasted or read from a .docx, every text kept), the legality review
// and collective deliberation pass through the workflow, 三统一 numbers and publishes it, the filing
// clock runs from publication, and the daily job ends documents whose validity has run out.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, countyOfUnit, countyUnitOf, inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, HttpError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { applyEffects, transitionWithin, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clearClocks, clocksOf, clocksWithLights, clockView } from '../../kernel/workflow/clocks.ts';
import { jobActor } from '../../kernel/workflow/daily.ts';
import { notify, usersWithRole } from '../../kernel/notifications/index.ts';
import { openProblem } from '../../kernel/problems/index.ts';
import { checkFileType } from '../../kernel/attachments/store.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { textMatch } from '../../kernel/search/index.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { FILING_BODIES, FINDINGS, NORMATIVE_DOC, NORMDOC_RECORD_TYPE, NORMDOC_WORKFLOW, REVIEW_STANDARDS, type NormativeDocDetail, type NormativeDocView, type NormativeListQuery, type NormativeTextVersion } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { normdocSettings } from './settings.ts';
import type { NormativeDocTable } from './tables.ts';
import { flagsOf, runPrecheck } from './prereview.ts';

/** 报送备案 (domain.md §6): both filing clocks publication starts count by this one rule. */
export const NORMDOC_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'normdoc.filing', name: '行政规范性文件报送备案', period: 30, unit: 'calendar_days', citation: '省级行政规范性文件备案规定（可按本省规定调整）；参照《法规规章备案审查条例》（2024年修订）第四条', note: '自公布之日起30日内报送备案；期限以本省规定为准。' },
];

/** The filing clocks publication starts: one per body filed with. */
const FILING_CLOCKS = NORMDOC_WORKFLOW.transitions.find((t) => t.key === 'publish')!.effects!;

export async function createNormativeDoc(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof NORMATIVE_DOC> & { ref?: string | null }, source: 'paste' | 'import' = 'paste'): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '起草单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '起草单位', '已停用');
  const { body, ...fields } = input;
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<NormativeDocTable>(NORMATIVE_DOC, fields), status: 'draft', body: null, text_no: 0, open_flags: 0, expiry_warned: 0, ...newStamps(actor.id) } as NormativeDocTable;
  await tx.insertInto('normative_docs').values(row).execute();
  await addTimeline(tx, actor, { recordType: NORMDOC_RECORD_TYPE, recordId: row.id, action: 'create', label: '起草', toStatus: 'draft' });
  if (body) await addText(tx, actor, row, body, source, null);
  await platform.audit.record(tx, actor, { action: 'normative.create', targetType: NORMDOC_RECORD_TYPE, targetId: row.id, detail: { title: input.title } });
  return row.id;
}

/** A new version of the text: kept beside the earlier ones; the document shows the last. */
async function addText(tx: Tx, actor: Actor, doc: Pick<NormativeDocTable, 'id' | 'unit_id' | 'text_no'>, body: string, source: NormativeTextVersion['source'], filename: string | null): Promise<void> {
  const no = doc.text_no + 1;
  await tx.insertInto('normative_doc_texts').values({ id: newId(), doc_id: doc.id, unit_id: doc.unit_id, no, body, source, filename, created_at: nowIso(), created_by: actor.id }).execute();
  await tx.updateTable('normative_docs').set({ body, text_no: no }).where('id', '=', doc.id).execute();
  await addTimeline(tx, actor, { recordType: NORMDOC_RECORD_TYPE, recordId: doc.id, action: 'text', label: `正文第 ${no} 稿`, note: filename ? `读取自 ${filename}（${body.length} 字）` : `${body.length} 字` });
}

/** Saves a draft's text (a new version); only a draft's text changes, and only from the version read. */
export async function saveText(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, body: string, source: NormativeTextVersion['source'], filename: string | null = null, consultation?: string | null): Promise<void> {
  const doc = await tx.selectFrom('normative_docs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw notFound('规范性文件');
  assertInScope(scope, doc.unit_id, '规范性文件');
  if (doc.status !== 'draft') throw conflict(`当前状态为「${NORMDOC_WORKFLOW.states[doc.status]?.label ?? doc.status}」，只有起草中的文件可以修改正文（审查中的文件请先退回修改）`);
  const text = body.trim();
  if (!text) throw fieldError('body', '正文', '不能为空');
  if (text.length > 200000) throw fieldError('body', '正文', '不能超过 200000 字');
  await updateVersioned(tx, 'normative_docs', id, version, consultation === undefined ? {} : { consultation: consultation?.trim() || null }, actor.id);
  await addText(tx, actor, doc, text, source, filename);
  await platform.audit.record(tx, actor, { action: 'normative.text', targetType: NORMDOC_RECORD_TYPE, targetId: id, detail: { source, filename, length: text.length } });
}

/** The text of a .docx (paragraphs as lines); a file that is not one, or holds no text, is refused. */
export async function docxText(filename: string, buffer: Buffer): Promise<string> {
  if (!filename.toLowerCase().endsWith('.docx')) throw new HttpError(415, '文件（file）应为 Word 文档（.docx）；.doc 请先另存为 .docx');
  await checkFileType(filename, buffer);
  let value: string;
  try {
    const { default: mammoth } = await import('mammoth'); // loaded when first used
    value = (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new HttpError(400, '文件（file）无法读取为 Word 文档', [{ field: 'file', message: '无法读取' }]);
  }
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new HttpError(400, '文件（file）中没有文字', [{ field: 'file', message: '没有文字' }]);
  return text;
}

/** The last day a document may be valid without a reason: `years` after it is published, less a day. */
export function validityLimit(issued: string, years: number): string {
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  // Issued on 29 February, a year without one rolls the anniversary to 1 March: the period then ends
  // on the month's last day, as 民法典 art. 202 counts a period without a corresponding day.
  const anniversary = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  return fromDayNumber(toDayNumber(anniversary) - 1);
}

/** The longest validity of a document by its title (暂行/试行 are shorter) in years. */
export const maxValidityYears = (title: string) => (/暂行|试行/.test(title) ? normdocSettings().trialYears : normdocSettings().years);

/** Dates and validity of a published document; [field, label, message] of the first problem. */
export function publicationProblem(d: { title: string; reviewedDate: string | null; issuedDate: string; validUntil: string | null; validityReason?: string | null; filedDate?: string | null }): [string, string, string] | null {
  if (!d.reviewedDate) return ['reviewedDate', '合法性审查完成日期', '未填写：未经合法性审查的文件不得公布'];
  if (d.issuedDate < d.reviewedDate) return ['issuedDate', '公布日期', `不能早于合法性审查完成日期 ${d.reviewedDate}`];
  if (d.issuedDate > chinaToday()) return ['issuedDate', '公布日期', '不能晚于今天'];
  if (!d.validUntil) return ['validUntil', '有效期至', '未填写：规范性文件应当载明有效期'];
  if (d.validUntil < d.issuedDate) return ['validUntil', '有效期至', `不能早于公布日期 ${d.issuedDate}`];
  const years = maxValidityYears(d.title);
  const limit = validityLimit(d.issuedDate, years);
  if (d.validUntil > limit && !d.validityReason) return ['validUntil', '有效期至', `超过最长有效期（${/暂行|试行/.test(d.title) ? '暂行、试行的' : ''}${years}年，至 ${limit}），须写明超过最长有效期的理由（validityReason）`];
  if (d.filedDate && d.filedDate < d.issuedDate) return ['filedDate', '备案日期', `不能早于公布日期 ${d.issuedDate}`];
  if (d.filedDate && d.filedDate > chinaToday()) return ['filedDate', '备案日期', '不能晚于今天'];
  return null;
}

const NUMBER_IN_TEXT = /〔(\d{4})〕\s*(\d+)\s*号/;

function formatNumber(pattern: string, values: { county: string; code: string; year: number; n: number }): string {
  return pattern
    .replaceAll('{county}', values.county)
    .replaceAll('{code}', values.code)
    .replaceAll('{year}', String(values.year))
    .replace(/\{n(\d?)\}/g, (_, width: string) => String(values.n).padStart(Number(width || 0), '0'));
}

/** The county's short name and code for numbers: the name of the unit's county without 人民政府 (示范县). */
async function countyOf(tx: Executor, unitId: string): Promise<{ county: string; code: string }> {
  const county = await countyUnitOf(tx, unitId);
  return { county: (county?.name ?? '').replace(/人民政府$/, ''), code: county?.code ?? '' };
}

/** A document number or registration number another document already carries is refused by name. */
async function checkNumbers(tx: Executor, id: string, numbers: { docNumber: string | null; registerNumber: string | null }): Promise<void> {
  for (const [field, label, column] of [['docNumber', '文号', 'doc_number'], ['registerNumber', '统一登记号', 'register_number']] as const) {
    const value = numbers[field];
    if (!value) continue;
    const other = await tx.selectFrom('normative_docs').select('title').where(column, '=', value).where('id', '!=', id).executeTakeFirst();
    if (other) throw fieldError(field, label, `「${value}」已由《${other.title}》使用`);
  }
}

/** The year's next free number by a pattern, from `from`. */
async function nextNumber(tx: Executor, column: 'doc_number' | 'register_number', pattern: string, values: { county: string; code: string; year: number }, from: number): Promise<string> {
  for (let n = from; ; n++) {
    const candidate = formatNumber(pattern, { ...values, n });
    if (!(await tx.selectFrom('normative_docs').select('id').where(column, '=', candidate).executeTakeFirst())) return candidate;
  }
}

/**
 * 三统一 at publication: the document number and the registration number, as given or (`auto`) by
 * the configured patterns, the year's next free number; a number already used is refused by name.
 */
async function assignNumbers(tx: Tx, doc: NormativeDocTable, auto = true): Promise<void> {
  const given = { docNumber: (doc.requested_doc_number ?? doc.doc_number)?.trim() || null, registerNumber: (doc.requested_register_number ?? doc.register_number)?.trim() || null };
  await checkNumbers(tx, doc.id, given);
  let { docNumber, registerNumber } = given;
  if (auto && (!docNumber || !registerNumber)) {
    const year = Number(doc.issued_date!.slice(0, 4));
    const settings = normdocSettings();
    const county = { ...(await countyOf(tx, doc.unit_id)), year };
    // Numbers run per county: in a province each county numbers its own documents.
    const inCounty = await countyOfUnit(tx, doc.unit_id);
    if (!docNumber) {
      const last = await scoped(tx.selectFrom('normative_docs').select((eb) => eb.fn.max('number_seq').as('seq')).where('number_year', '=', year), inCounty, 'unit_id').executeTakeFirst();
      docNumber = await nextNumber(tx, 'doc_number', settings.numberPattern, county, Number(last?.seq ?? 0) + 1);
    }
    if (!registerNumber) {
      const issued = await scoped(tx.selectFrom('normative_docs').select((eb) => eb.fn.countAll().as('n')), inCounty, 'unit_id').where('register_number', 'is not', null).where('issued_date', '>=', `${year}-01-01`).where('issued_date', '<=', `${year}-12-31`).executeTakeFirstOrThrow();
      registerNumber = await nextNumber(tx, 'register_number', settings.registerPattern, county, Number(issued.n) + 1);
    }
  }
  const parsed = docNumber ? NUMBER_IN_TEXT.exec(docNumber) : null;
  await tx.updateTable('normative_docs').set({ doc_number: docNumber, register_number: registerNumber, requested_doc_number: null, requested_register_number: null, number_year: parsed ? Number(parsed[1]) : null, number_seq: parsed ? Number(parsed[2]) : null }).where('id', '=', doc.id).execute();
}

/** Rules a transition's values cannot say alone (they need the record's other dates): run in its transaction. */
export async function afterNormdocTransition(tx: Tx, record: Record<string, unknown>, transition: string, date: string): Promise<void> {
  const doc = record as unknown as NormativeDocTable;
  if (transition === 'submit') await runPrecheck(tx, doc);
  if (transition === 'publish') {
    const problem = publicationProblem({ title: doc.title, reviewedDate: doc.reviewed_date, issuedDate: date, validUntil: doc.valid_until, validityReason: doc.validity_reason });
    if (problem) throw problem[0] === 'issuedDate' ? fieldError('date', '公布日期', problem[2]) : fieldError(...problem);
    await assignNumbers(tx, doc);
  }
  if (transition === 'file' || transition === 'file_congress') {
    const body = transition === 'file' ? 'government' : 'congress';
    await feedLateFiling(tx, doc, date, body);
    // Filed with both bodies: the later day is when the filing was complete (docs.filed counts it).
    const other = body === 'government' ? doc.congress_filed_date : doc.filed_date;
    if (other) await tx.updateTable('normative_docs').set({ filing_done_date: other > date ? other : date }).where('id', '=', doc.id).execute();
  }
}

const FILING = { government: { clockKey: 'filing', source: (id: string) => id }, congress: { clockKey: 'filing_congress', source: (id: string) => `${id}#congress` } } as const;

/** A filing after its deadline, with either body, goes to the drafting unit's problem pool. */
async function feedLateFiling(tx: Tx, doc: NormativeDocTable, filedDate: string, body: keyof typeof FILING_BODIES): Promise<void> {
  const clock = await tx.selectFrom('clocks').select('due_date').where('record_type', '=', NORMDOC_RECORD_TYPE).where('record_id', '=', doc.id).where('clock_key', '=', FILING[body].clockKey).executeTakeFirst();
  if (!clock || filedDate <= clock.due_date) return;
  await openProblem(tx, {
    sourceType: NORMDOC_RECORD_TYPE,
    sourceId: FILING[body].source(doc.id),
    sourceLabel: '规范性文件逾期备案',
    unitId: doc.unit_id,
    title: `逾期报送${FILING_BODIES[body]}备案：${doc.title}（应于 ${clock.due_date} 前，实际 ${filedDate}）`,
    severity: 'general',
    openedOn: filedDate,
    link: `/normative-docs/${doc.id}`,
    closesWithSource: false,
  });
}

const DAILY_ACTOR = { ...jobActor('系统（规范性文件有效期）'), scope: { all: true } as DataScope };
const WARN_DAYS = 90;

/**
 * The daily job: a document past its validity end is 已失效 from the next day (through the
 * workflow, so the timeline and audit say so); the drafting unit is told 90 days before the end.
 */
export async function normdocDaily(platform: Platform, date: string): Promise<void> {
  // A job run for a later day (fazhi jobs daily --date) ends nothing before it has ended: a transition cannot be dated in the future.
  const asOf = date < chinaToday() ? date : chinaToday();
  const lapsed = await platform.db.selectFrom('normative_docs').select(['id', 'valid_until']).where('status', '=', 'in_force').where('valid_until', '<', asOf).execute();
  for (const doc of lapsed) {
    await platform.db.transaction().execute(async (tx) => {
      const current = await tx.selectFrom('normative_docs').select(['version', 'status']).where('id', '=', doc.id).executeTakeFirstOrThrow();
      if (current.status !== 'in_force') return;
      const ended = fromDayNumber(toDayNumber(doc.valid_until!) + 1);
      await transitionWithin(tx, platform, DAILY_ACTOR, NORMDOC_WORKFLOW, doc.id, 'expire', { version: current.version, date: ended <= asOf ? ended : asOf, note: `有效期至 ${doc.valid_until} 届满，自动失效` });
    });
  }
  const warnBy = fromDayNumber(toDayNumber(date) + WARN_DAYS);
  const ending = await platform.db.selectFrom('normative_docs').select(['id', 'unit_id', 'title', 'valid_until']).where('status', '=', 'in_force').where('expiry_warned', '=', 0).where('valid_until', '<=', warnBy).execute();
  for (const doc of ending) {
    const users = [...new Set([...(await usersWithRole(platform.db, 'unit_head', doc.unit_id)), ...(await usersWithRole(platform.db, 'unit_liaison', doc.unit_id))])];
    await platform.db.transaction().execute(async (tx) => {
      await notify(tx, users, { kind: 'normdoc.expiry', title: `规范性文件将于 ${doc.valid_until} 有效期届满`, body: `《${doc.title}》有效期届满前请评估，需要继续施行的应当修改后重新公布。`, link: `/normative-docs/${doc.id}`, recordType: NORMDOC_RECORD_TYPE, recordId: doc.id });
      await tx.updateTable('normative_docs').set({ expiry_warned: 1 }).where('id', '=', doc.id).execute();
    });
  }
}

// Every column but the text: a ledger page or an export never carries the documents' bodies.
const LIST_COLUMNS = ['id', 'ref', 'unit_id', 'title', 'status', 'text_no', 'open_flags', 'reviewed_date', 'deliberated_date', 'deliberation_meeting', 'doc_number', 'register_number', 'issued_date', 'valid_until', 'validity_reason', 'filed_date', 'filing_body', 'filing_feedback', 'congress_filed_date', 'congress_filing_body', 'congress_feedback', 'ended_date', 'version'] as const;

function docQuery(db: Executor) {
  return db
    .selectFrom('normative_docs as d')
    .innerJoin('org_units as u', 'u.id', 'd.unit_id')
    .select(LIST_COLUMNS.map((c) => `d.${c}` as const))
    .select('u.name as unit_name');
}
type Row = Pick<NormativeDocTable, (typeof LIST_COLUMNS)[number]> & { unit_name: string };

async function toViews(platform: Platform, rows: Row[]): Promise<NormativeDocView[]> {
  const ids = rows.map((r) => r.id);
  const [government, congress] = await Promise.all([clocksWithLights(platform, NORMDOC_RECORD_TYPE, ids, 'filing'), clocksWithLights(platform, NORMDOC_RECORD_TYPE, ids, 'filing_congress')]);
  return rows.map((r) => {
    const { clock, light = null } = government.get(r.id) ?? {};
    const { clock: congressClock, light: congressLight = null } = congress.get(r.id) ?? {};
    const { body: _body, consultation: _consultation, ...view } = recordView(NORMATIVE_DOC, r);
    return { ...view, unitName: r.unit_name, status: r.status, statusLabel: NORMDOC_WORKFLOW.states[r.status]?.label ?? r.status, filingDue: clock?.due_date ?? null, light, congressFilingDue: congressClock?.due_date ?? null, congressLight };
  });
}

const docs = recordReader<Row, NormativeDocView, NormativeListQuery>({
  def: NORMATIVE_DOC, what: '规范性文件', alias: 'd', status: true, defaultSort: { field: 'issuedDate', order: 'desc' },
  query: docQuery,
  defaultOrder: (q) => q.orderBy('d.issued_date', 'desc').orderBy('d.updated_at', 'desc'),
  textMatch: (platform, q) => textMatch(platform, 'normative_docs', 'd', q),
  views: toViews,
});

export const listNormativeDocs = docs.list;

async function readableDoc(platform: Platform, scope: DataScope, id: string) {
  const doc = await platform.db.selectFrom('normative_docs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw notFound('规范性文件');
  assertInScope(scope, doc.unit_id, '规范性文件');
  return doc;
}

export async function getNormativeDoc(platform: Platform, scope: DataScope, id: string): Promise<NormativeDocDetail> {
  const doc = await readableDoc(platform, scope, id);
  const [view, texts, flags, clocks, deadlines] = await Promise.all([
    docs.get(platform, scope, id),
    platform.db.selectFrom('normative_doc_texts as t').leftJoin('users as u', 'u.id', 't.created_by').select(['t.no', 't.source', 't.filename', 't.created_at', 'u.name as user_name', (eb) => eb.fn('length', ['t.body']).as('length')]).where('t.doc_id', '=', id).orderBy('t.no', 'desc').execute(),
    flagsOf(platform.db, id, doc.text_no),
    clocksOf(platform.db, NORMDOC_RECORD_TYPE, id),
    platform.deadlines.load(),
  ]);
  const findings = doc as unknown as Record<string, string | null>;
  return {
    ...view,
    body: doc.body,
    consultation: doc.consultation,
    flags,
    texts: texts.map((t) => ({ no: t.no, source: t.source as NormativeTextVersion['source'], filename: t.filename, length: Number(t.length), createdAt: t.created_at, createdByName: t.user_name })),
    review: {
      findings: (Object.keys(REVIEW_STANDARDS) as (keyof typeof REVIEW_STANDARDS)[]).map((standard) => ({ standard, label: REVIEW_STANDARDS[standard], finding: (findings[`${standard}_finding`] as keyof typeof FINDINGS | null) ?? null })),
      conclusion: (doc.review_conclusion as NormativeDocDetail['review']['conclusion']) ?? null,
      opinion: doc.review_opinion,
    },
    clocks: clocks.map((c) => clockView(c, deadlines, chinaToday())),
  };
}

/** One earlier text of a document the user may see. */
export async function getText(platform: Platform, scope: DataScope, id: string, no: number): Promise<{ no: number; body: string }> {
  await readableDoc(platform, scope, id);
  const text = await platform.db.selectFrom('normative_doc_texts').select(['no', 'body']).where('doc_id', '=', id).where('no', '=', no).executeTakeFirst();
  if (!text) throw notFound('正文版本');
  return text;
}

/** What an import row says of a document's history (the county's existing library). */
export interface NormdocLedger {
  title: string;
  status: 'draft' | 'in_force' | 'amended' | 'repealed' | 'expired';
  docNumber: string | null;
  registerNumber: string | null;
  reviewedDate: string | null;
  issuedDate: string | null;
  validUntil: string | null;
  filedDate: string | null;
}

const RANK: Record<string, number> = { draft: 0, reviewing: 1, deliberating: 2, approved: 3, in_force: 4, amended: 5, repealed: 5, expired: 5 };

/**
 * Records a document's history as a ledger states it: the same date and validity rules as the app,
 * numbers checked for duplicates, the filing clock from the publication date (stopped by the filing),
 * never back to an earlier state.
 */
export async function recordLedger(tx: Tx, platform: Platform, actor: Actor, id: string, ledger: NormdocLedger): Promise<void> {
  const doc = await tx.selectFrom('normative_docs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (RANK[ledger.status]! < RANK[doc.status]!) throw fieldError('status', '状态', `文件当前为「${NORMDOC_WORKFLOW.states[doc.status]?.label}」，导入不能改回更早的状态`);
  if (ledger.status === 'draft') {
    if (ledger.issuedDate || ledger.docNumber) throw fieldError('status', '状态', '起草中的文件不能有公布日期或文号');
    await updateVersioned(tx, 'normative_docs', id, doc.version, { title: ledger.title, reviewed_date: ledger.reviewedDate }, actor.id);
    return;
  }
  if (!ledger.issuedDate) throw fieldError('issuedDate', '公布日期', '未填写：已公布的文件须填写公布日期');
  if (!ledger.docNumber) throw fieldError('docNumber', '文号', '未填写：已公布的文件须填写文号');
  const problem = publicationProblem({ ...ledger, issuedDate: ledger.issuedDate });
  if (problem) throw fieldError(...problem);
  await checkNumbers(tx, id, ledger);
  const ended = ledger.status === 'expired' ? fromDayNumber(toDayNumber(ledger.validUntil!) + 1) : ledger.status === 'in_force' ? null : doc.ended_date;
  await updateVersioned(
    tx,
    'normative_docs',
    id,
    doc.version,
    // A ledger's one filing date is the day the document was filed with both bodies.
    { title: ledger.title, status: ledger.status, reviewed_date: ledger.reviewedDate, issued_date: ledger.issuedDate, valid_until: ledger.validUntil, filed_date: ledger.filedDate, congress_filed_date: ledger.filedDate, filing_done_date: ledger.filedDate, doc_number: ledger.docNumber, register_number: ledger.registerNumber, ended_date: ended },
    actor.id,
  );
  const updated = await tx.selectFrom('normative_docs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  // A ledger's numbers are its own (older documents may predate unified registration): checked, never made up.
  await assignNumbers(tx, updated, false);
  await clearClocks(tx, NORMDOC_RECORD_TYPE, id);
  const record = updated as unknown as WorkflowRecord;
  await applyEffects(tx, platform, actor, NORMDOC_WORKFLOW, record, FILING_CLOCKS, ledger.issuedDate);
  const stopBoth = (reason: string) => Object.values(FILING).map((b) => ({ stop: b.clockKey, reason }));
  if (ledger.filedDate) {
    await applyEffects(tx, platform, actor, NORMDOC_WORKFLOW, record, stopBoth('已报送备案'), ledger.filedDate);
    for (const body of Object.keys(FILING) as (keyof typeof FILING)[]) await feedLateFiling(tx, updated, ledger.filedDate, body);
  } else if (ended) await applyEffects(tx, platform, actor, NORMDOC_WORKFLOW, record, stopBoth('文件已不再有效'), ended);
  await addTimeline(tx, actor, { recordType: NORMDOC_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入', fromStatus: doc.status, toStatus: ledger.status, note: [ledger.issuedDate && `公布 ${ledger.issuedDate}`, ledger.filedDate && `备案 ${ledger.filedDate}`].filter(Boolean).join('；') || null });
}
