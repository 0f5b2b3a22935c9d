// 执法人员 and 监督人员: registered with the ID number sealed; the certificate (执法证) is issued,
// renewed, suspended, reinstated or revoked by its own actions, each kept as an event (the year's
// certificates issued are counted from them); leaving a post or being struck off revokes it; a
// certificate expiring within 90 days warns; training hours per year against a configurable minimum.
import { moduleSettings } from '../../kernel/records/settings.ts';
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { decryptText, encryptText, lookupHash } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { notify, usersWithRole } from '../../kernel/notifications/index.ts';
import { maskIdNumber } from '../../../shared/validators.ts';
import {
  CERTIFICATE_ACTIONS,
  CERTIFICATE_WARN_DAYS,
  DEFAULT_TRAINING_MIN_HOURS,
  OFFICER,
  OFFICER_RECORD_TYPE,
  OFFICER_WORKFLOW,
  type CertificateAction,
  type CertificateActionInput,
  type CertificateState,
  type EnforcementSettings,
  type OfficerDetail,
  type OfficerListQuery,
  type OfficerUpdate,
  type OfficerView,
  type TrainingInput,
} from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { visibleBody } from './bodies.ts';
import type { EnforcementOfficerTable } from './tables.ts';

const officerTitle = (name: string, supervisor: boolean) => `${name}（${supervisor ? '监督人员' : '执法人员'}）`;

/** A certificate's dates and number as given at registration: all or none, valid-until after issue. */
function certificateProblem(c: { certificateNumber?: string | null; certificateIssuedDate?: string | null; certificateValidUntil?: string | null }): [string, string, string] | null {
  const given = [c.certificateNumber, c.certificateIssuedDate, c.certificateValidUntil].filter(Boolean).length;
  if (given === 0) return null;
  if (!c.certificateNumber) return ['certificateNumber', '执法证号', '填写了发证日期或有效期的，必须填写执法证号'];
  if (!c.certificateIssuedDate) return ['certificateIssuedDate', '发证日期', '有执法证号的必须填写发证日期'];
  if (!c.certificateValidUntil) return ['certificateValidUntil', '有效期至', '有执法证号的必须填写有效期'];
  if (c.certificateIssuedDate > chinaToday()) return ['certificateIssuedDate', '发证日期', '不能晚于今天'];
  if (c.certificateValidUntil <= c.certificateIssuedDate) return ['certificateValidUntil', '有效期至', `应晚于发证日期 ${c.certificateIssuedDate}`];
  return null;
}
export { certificateProblem };

/** A certificate number used by another officer is refused, naming the field (the number is public on the certificate). */
async function assertNumberFree(db: Executor, number: string | null | undefined, officerId: string | null): Promise<void> {
  if (!number) return;
  let q = db.selectFrom('enforcement_officers').select('id').where('certificate_number', '=', number);
  if (officerId) q = q.where('id', '<>', officerId);
  if (await q.executeTakeFirst()) throw fieldError('certificateNumber', '执法证号', `「${number}」已登记在其他执法人员名下`);
}

async function certificateEvent(tx: Tx, actor: Actor, officer: { id: string; unit_id: string }, kind: CertificateAction, date: string, number: string | null, validUntil: string | null, note: string | null): Promise<void> {
  await tx.insertInto('enforcement_certificate_events').values({ id: newId(), officer_id: officer.id, unit_id: officer.unit_id, kind, date, certificate_number: number, valid_until: validUntil, note, created_at: nowIso(), created_by: actor.id }).execute();
}

export async function createOfficer(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof OFFICER> & { ref?: string | null }): Promise<string> {
  const body = await visibleBody(tx, scope, input.bodyId);
  const problem = certificateProblem(input);
  if (problem) throw fieldError(...problem);
  await assertNumberFree(tx, input.certificateNumber, null);
  const today = chinaToday();
  const certified = !!input.certificateNumber;
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<EnforcementOfficerTable>(OFFICER, { supervisor: false, ...input }),
    unit_id: body.unit_id,
    id_number_enc: encryptText(platform.keys, input.idNumber),
    id_number_hash: lookupHash(platform.keys, input.idNumber),
    certificate_status: certified ? 'valid' : null,
    status: 'active',
    since_date: certified && input.certificateIssuedDate! < today ? input.certificateIssuedDate! : today,
    ...newStamps(actor.id),
  } as unknown as EnforcementOfficerTable;
  await tx.insertInto('enforcement_officers').values(row).execute();
  if (certified) await certificateEvent(tx, actor, row, 'issue', input.certificateIssuedDate!, input.certificateNumber!, input.certificateValidUntil!, '登记时已持有');
  await addTimeline(tx, actor, { recordType: OFFICER_RECORD_TYPE, recordId: row.id, action: 'create', label: `登记${input.supervisor ? '监督人员' : '执法人员'}`, toStatus: 'active', note: certified ? `执法证 ${input.certificateNumber}，有效期至 ${input.certificateValidUntil}` : '未持执法证' });
  await platform.audit.record(tx, actor, { action: 'enforcement.officer_create', targetType: OFFICER_RECORD_TYPE, targetId: row.id, detail: { bodyId: body.id } });
  return row.id;
}

/** Corrects the name, post and supervisor flag; the certificate and status have their own actions. */
export async function updateOfficer(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Omit<OfficerUpdate, 'version'>): Promise<number> {
  const o = await tx.selectFrom('enforcement_officers').select(['unit_id']).where('id', '=', id).executeTakeFirst();
  if (!o || !inScope(scope, o.unit_id)) throw notFound('执法人员');
  const next = await updateVersioned(tx, 'enforcement_officers', id, version, recordRow(OFFICER, { name: input.name, post: input.post, supervisor: input.supervisor ?? false }), actor.id);
  await addTimeline(tx, actor, { recordType: OFFICER_RECORD_TYPE, recordId: id, action: 'update', label: '更正人员信息' });
  await platform.audit.record(tx, actor, { action: 'enforcement.officer_update', targetType: OFFICER_RECORD_TYPE, targetId: id });
  return next;
}

/**
 * 发证 / 换证 / 暂扣 / 恢复 / 收回: the certificate's life, each step an event. Only an officer in
 * post gets or renews a certificate; a new valid-until follows the day of issue.
 */
export async function certificateAction(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: CertificateActionInput): Promise<void> {
  const o = await tx.selectFrom('enforcement_officers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o || !inScope(scope, o.unit_id)) throw notFound('执法人员');
  if (o.version !== input.version) throw conflict('记录已被他人修改，请刷新后重试（版本号已过期）');
  if (input.date > chinaToday()) throw fieldError('date', '办理日期', '不能晚于今天');
  const status = o.certificate_status;
  const label = CERTIFICATE_ACTIONS[input.action];
  let columns: Partial<EnforcementOfficerTable>;
  switch (input.action) {
    case 'issue':
    case 'renew': {
      if (o.status !== 'active') throw conflict(`${OFFICER_WORKFLOW.states[o.status]?.label ?? o.status}人员不能${label}`);
      if (input.action === 'issue' && (status === 'valid' || status === 'suspended')) throw conflict('该人员已持有执法证，请办理换证');
      if (input.action === 'renew' && status !== 'valid') throw conflict('只有有效的执法证才能换证；已收回的请重新发证');
      const number = input.certificateNumber ?? (input.action === 'renew' ? o.certificate_number : null);
      if (!number) throw fieldError('certificateNumber', '执法证号', '发证必须填写执法证号');
      if (!input.validUntil) throw fieldError('validUntil', '有效期至', `${label}必须填写有效期`);
      if (input.validUntil <= input.date) throw fieldError('validUntil', '有效期至', `应晚于办理日期 ${input.date}`);
      await assertNumberFree(tx, number, o.id);
      columns = { certificate_number: number, certificate_issued_date: input.date, certificate_valid_until: input.validUntil, certificate_status: 'valid' };
      break;
    }
    case 'suspend':
      if (status !== 'valid') throw conflict('只有有效的执法证才能暂扣');
      if (!input.note) throw fieldError('note', '说明', '暂扣执法证须说明理由');
      columns = { certificate_status: 'suspended' };
      break;
    case 'reinstate':
      if (status !== 'suspended') throw conflict('只有暂扣的执法证才能恢复');
      columns = { certificate_status: 'valid' };
      break;
    case 'revoke':
      if (status !== 'valid' && status !== 'suspended') throw conflict('该人员没有可收回的执法证');
      if (!input.note) throw fieldError('note', '说明', '收回执法证须说明理由');
      columns = { certificate_status: 'revoked' };
      break;
  }
  await updateVersioned(tx, 'enforcement_officers', id, input.version, columns, actor.id);
  await certificateEvent(tx, actor, o, input.action, input.date, columns.certificate_number ?? o.certificate_number, columns.certificate_valid_until ?? o.certificate_valid_until, input.note ?? null);
  await addTimeline(tx, actor, { recordType: OFFICER_RECORD_TYPE, recordId: id, action: `certificate.${input.action}`, label: `执法证${label}`, note: [input.date, columns.certificate_valid_until ? `有效期至 ${columns.certificate_valid_until}` : null, input.note].filter(Boolean).join('；') });
  await platform.audit.record(tx, actor, { action: `enforcement.certificate_${input.action}`, targetType: OFFICER_RECORD_TYPE, targetId: id, detail: { date: input.date } });
}

/** After 离岗 or 注销 (module.ts afterTransition): the certificate is revoked on that day; 返岗 ends the leave. */
export async function revokeOnLeaving(tx: Tx, record: Record<string, unknown>, transition: string, date: string): Promise<void> {
  if (transition === 'return') await tx.updateTable('enforcement_officers').set({ left_date: null }).where('id', '=', String(record.id)).execute();
  if (transition !== 'leave' && transition !== 'cancel') return;
  if (record.certificate_status !== 'valid' && record.certificate_status !== 'suspended') return;
  await tx.updateTable('enforcement_officers').set({ certificate_status: 'revoked' }).where('id', '=', String(record.id)).execute();
  const actor: Actor = { id: null, name: 'system', roles: ['system'], unitId: null, ip: null };
  await certificateEvent(tx, actor, { id: String(record.id), unit_id: String(record.unit_id) }, 'revoke', date, (record.certificate_number as string | null) ?? null, (record.certificate_valid_until as string | null) ?? null, transition === 'leave' ? '离岗收回' : '注销收回');
  await addTimeline(tx, actor, { recordType: OFFICER_RECORD_TYPE, recordId: String(record.id), action: 'certificate.revoke', label: '执法证收回', note: transition === 'leave' ? '离岗，执法证随之收回' : '注销，执法证随之收回' });
}

/** What a certificate is today: the 90-day warning, expired, suspended, revoked, none. */
export function certificateState(o: { certificate_status: string | null; certificate_valid_until: string | null }, today = chinaToday()): CertificateState {
  if (!o.certificate_status) return 'none';
  if (o.certificate_status !== 'valid') return o.certificate_status as CertificateState;
  if (!o.certificate_valid_until || o.certificate_valid_until < today) return 'expired';
  return o.certificate_valid_until <= fromDayNumber(toDayNumber(today) + CERTIFICATE_WARN_DAYS) ? 'expiring' : 'valid';
}

/** Whether an officer holds a certificate valid on `date` (a case's officers are checked by it). */
export const certifiedOn = (o: { status: string; certificate_status: string | null; certificate_issued_date: string | null; certificate_valid_until: string | null }, date: string) =>
  o.status === 'active' && o.certificate_status === 'valid' && !!o.certificate_issued_date && o.certificate_issued_date <= date && !!o.certificate_valid_until && o.certificate_valid_until >= date;

/** The law office's settings of enforcement: the yearly minimum of training hours. */
export const enforcementSettings = moduleSettings<EnforcementSettings>({
  table: 'enforcement_settings',
  keys: { trainingMinHours: { key: 'training_min_hours', fallback: DEFAULT_TRAINING_MIN_HOURS } },
  action: 'enforcement.settings',
});

type OfficerRow = EnforcementOfficerTable & { unit_name: string; body_name: string };

async function toViews(platform: Platform, rows: OfficerRow[], year: number): Promise<OfficerView[]> {
  const [hours, settings] = await Promise.all([
    platform.db
      .selectFrom('enforcement_trainings')
      .select(['officer_id', sql<number>`sum(hours)`.as('hours')])
      .where('officer_id', 'in', rows.map((r) => r.id))
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .groupBy('officer_id')
      .execute(),
    enforcementSettings.read(platform.db),
  ]);
  const byOfficer = new Map(hours.map((h) => [h.officer_id, Number(h.hours)]));
  return rows.map((r) => ({
    ...recordView(OFFICER, r),
    // Sealed: masked here (110***********1234); in full only through the audited unmask route.
    idNumber: maskIdNumber(decryptText(platform.keys, r.id_number_enc)),
    status: r.status as OfficerView['status'],
    title: officerTitle(r.name, r.supervisor === 1),
    unitName: r.unit_name,
    bodyName: r.body_name,
    statusLabel: OFFICER_WORKFLOW.states[r.status]?.label ?? r.status,
    certificateState: certificateState(r),
    trainingHours: byOfficer.get(r.id) ?? 0,
    trainingMinHours: settings.trainingMinHours,
  }));
}

/** The certificate filter of the ledger: none, expired, expiring within the warning days, valid beyond them, or a certificate status. */
function byCertificate(q: any, certificate: OfficerListQuery['certificate']) {
  if (!certificate) return q;
  const today = chinaToday();
  const warn = fromDayNumber(toDayNumber(today) + CERTIFICATE_WARN_DAYS);
  const valid = (eb: any) => eb.and([eb('o.certificate_status', '=', 'valid'), eb('o.certificate_valid_until', '>=', today)]);
  return q.where((eb: any) => {
    switch (certificate) {
      case 'none':
        return eb('o.certificate_status', 'is', null);
      case 'expired':
        return eb.and([eb('o.certificate_status', '=', 'valid'), eb('o.certificate_valid_until', '<', today)]);
      case 'expiring':
        return eb.and([valid(eb), eb('o.certificate_valid_until', '<=', warn)]);
      case 'valid':
        return eb.and([valid(eb), eb('o.certificate_valid_until', '>', warn)]);
      default:
        return eb('o.certificate_status', '=', certificate);
    }
  });
}

const officers = recordReader<OfficerRow, OfficerView, OfficerListQuery>({
  def: OFFICER, what: '执法人员', alias: 'o', status: true, defaultSort: { field: 'name', order: 'asc' },
  query: (db) => db.selectFrom('enforcement_officers as o').innerJoin('org_units as u', 'u.id', 'o.unit_id').innerJoin('enforcement_bodies as b', 'b.id', 'o.body_id').selectAll('o').select(['u.name as unit_name', 'b.name as body_name']),
  filter: (q, query) => byCertificate(query.bodyId ? q.where('o.body_id', '=', query.bodyId) : q, query.certificate),
  views: (platform, rows) => toViews(platform, rows, Number(chinaToday().slice(0, 4))),
});

export const listOfficers = officers.list;

export async function getOfficer(platform: Platform, scope: DataScope, id: string, year = Number(chinaToday().slice(0, 4))): Promise<OfficerDetail> {
  const row = await officers.row(platform.db, scope, id);
  const [[view], events, trainings] = await Promise.all([
    toViews(platform, [row], year),
    platform.db
      .selectFrom('enforcement_certificate_events as e')
      .leftJoin('users as a', 'a.id', 'e.created_by')
      .select(['e.id', 'e.kind', 'e.date', 'e.certificate_number', 'e.valid_until', 'e.note', 'a.name as actor_name'])
      .where('e.officer_id', '=', id)
      .orderBy('e.date', 'desc')
      .orderBy('e.created_at', 'desc')
      .execute(),
    platform.db.selectFrom('enforcement_trainings').select(['id', 'date', 'title', 'hours']).where('officer_id', '=', id).orderBy('date', 'desc').execute(),
  ]);
  return {
    ...view!,
    trainingYear: year,
    certificateEvents: events.map((e) => ({ id: e.id, kind: e.kind as CertificateAction, kindLabel: CERTIFICATE_ACTIONS[e.kind as CertificateAction] ?? e.kind, date: e.date, certificateNumber: e.certificate_number, validUntil: e.valid_until, note: e.note, actorName: e.actor_name ?? (e.note?.includes('收回') ? '系统' : null) })),
    trainings: trainings.map((t) => ({ ...t, hours: Number(t.hours) })),
  };
}

/** The officer's ID number in full, audited (officers have no phone on record: only the ID number unmasks). */
export const unmaskOfficer = (platform: Platform, ctx: RequestContext, id: string) =>
  unmaskSealed(platform, ctx, { table: 'enforcement_officers', recordType: OFFICER_RECORD_TYPE, what: '执法人员', idNumber: 'id_number_enc', phone: 'id_number_enc' }, id, 'idNumber');

export async function addTraining(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, officerId: string, input: TrainingInput): Promise<void> {
  const o = await tx.selectFrom('enforcement_officers').select(['id', 'unit_id', 'since_date']).where('id', '=', officerId).executeTakeFirst();
  if (!o || !inScope(scope, o.unit_id)) throw notFound('执法人员');
  if (input.date > chinaToday()) throw fieldError('date', '培训日期', '不能晚于今天');
  await tx.insertInto('enforcement_trainings').values({ id: newId(), officer_id: o.id, unit_id: o.unit_id, date: input.date, title: input.title, hours: input.hours, created_at: nowIso(), created_by: actor.id }).execute();
  await tx.updateTable('enforcement_officers').set({ version: (eb) => eb('version', '+', 1), updated_at: nowIso(), updated_by: actor.id }).where('id', '=', o.id).execute();
  await addTimeline(tx, actor, { recordType: OFFICER_RECORD_TYPE, recordId: o.id, action: 'training', label: `参加培训 ${input.hours} 学时`, note: `${input.date} ${input.title}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.training', targetType: OFFICER_RECORD_TYPE, targetId: o.id, detail: { hours: input.hours } });
}

/**
 * The daily job's part: a certificate that has come within 90 days of its end warns the body's
 * unit liaisons and heads once (and again after a renewal brings a new end date into the window).
 */
export async function warnExpiringCertificates(platform: Platform, date: string): Promise<number> {
  const warn = fromDayNumber(toDayNumber(date) + CERTIFICATE_WARN_DAYS);
  const due = await platform.db
    .selectFrom('enforcement_officers')
    .select(['id', 'unit_id', 'name', 'certificate_number', 'certificate_valid_until'])
    .where('status', '=', 'active')
    .where('certificate_status', '=', 'valid')
    .where('certificate_valid_until', '>=', date)
    .where('certificate_valid_until', '<=', warn)
    .where((eb) => eb.or([eb('expiry_warned_for', 'is', null), eb('expiry_warned_for', '<>', eb.ref('certificate_valid_until'))]))
    .execute();
  for (const o of due) {
    await platform.db.transaction().execute(async (tx) => {
      const people = [...(await usersWithRole(tx, 'unit_liaison', o.unit_id)), ...(await usersWithRole(tx, 'unit_head', o.unit_id))];
      await notify(tx, people, {
        kind: 'certificate_expiring',
        title: `执法证即将到期：${o.name}（${o.certificate_number}）有效期至 ${o.certificate_valid_until}`,
        body: `请在到期前办理换证；到期后不得从事行政执法活动。`,
        link: `${OFFICER_WORKFLOW.linkPrefix}${o.id}`,
        recordType: OFFICER_RECORD_TYPE,
        recordId: o.id,
      });
      await tx.updateTable('enforcement_officers').set({ expiry_warned_for: o.certificate_valid_until }).where('id', '=', o.id).execute();
    });
  }
  return due.length;
}
