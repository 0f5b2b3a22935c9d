// What the portal shows of enforcement (行政执法公示, 武陵源's practice): every body with its kind,
// powers (赋权事项 marked with who delegated them), its four lists and inspection catalog in force,
// and its officers in post holding a valid certificate — name and certificate number, nothing more.
import { sql } from 'kysely';
import type { Platform } from '../../kernel/platform.ts';
import { notFound } from '../../kernel/http/errors.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { BODY_KINDS, CASE_KINDS, DECISION_OUTCOMES, ENFORCEMENT_LISTS, POWER_CATEGORIES, type EnforcementList } from '../../../shared/schemas/enforcement.ts';

const inForce = (eb: any, today: string) => eb.or([eb('i.repealed_date', 'is', null), eb('i.repealed_date', '>', today)]);

export async function publicBodies(platform: Platform) {
  const today = chinaToday();
  const rows = await platform.db
    .selectFrom('enforcement_bodies as b')
    .innerJoin('org_units as u', 'u.id', 'b.unit_id')
    .select(['b.id', 'b.name', 'b.kind', 'b.entrusted_by', 'u.name as unit_name', 'u.kind as unit_kind'])
    .select((eb) => eb.selectFrom('enforcement_powers as p').select(sql<number>`count(*)`.as('n')).whereRef('p.body_id', '=', 'b.id').as('powers'))
    .select((eb) =>
      eb
        .selectFrom('enforcement_officers as o')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('o.body_id', '=', 'b.id')
        .where('o.status', '=', 'active')
        .where('o.certificate_status', '=', 'valid')
        .where('o.certificate_valid_until', '>=', today)
        .as('officers'),
    )
    .select((eb) => eb.selectFrom('enforcement_list_items as i').select(sql<number>`count(*)`.as('n')).whereRef('i.body_id', '=', 'b.id').where('i.published_date', '<=', today).where((x) => inForce(x, today)).as('items'))
    .where('u.active', '=', 1)
    .orderBy('u.kind')
    .orderBy('b.name')
    .execute();
  return {
    items: rows.map((b) => ({ id: b.id, name: b.name, kind: BODY_KINDS[b.kind as keyof typeof BODY_KINDS] ?? b.kind, entrustedBy: b.entrusted_by, unitName: b.unit_name, town: b.unit_kind === 'town', powers: Number(b.powers ?? 0), officers: Number(b.officers ?? 0), listItems: Number(b.items ?? 0) })),
  };
}

export async function publicBody(platform: Platform, id: string) {
  const today = chinaToday();
  const b = await platform.db.selectFrom('enforcement_bodies as b').innerJoin('org_units as u', 'u.id', 'b.unit_id').select(['b.id', 'b.name', 'b.kind', 'b.basis', 'b.entrusted_by', 'u.name as unit_name']).where('b.id', '=', id).where('u.active', '=', 1).executeTakeFirst();
  if (!b) throw notFound('执法主体');
  const [powers, items, officers] = await Promise.all([
    platform.db.selectFrom('enforcement_powers').select(['id', 'title', 'category', 'basis', 'delegated', 'delegated_by', 'delegated_date']).where('body_id', '=', id).orderBy('delegated', 'desc').orderBy('category').orderBy('title').execute(),
    platform.db.selectFrom('enforcement_list_items as i').select(['i.id', 'i.list', 'i.title', 'i.basis', 'i.conditions', 'i.published_date']).where('i.body_id', '=', id).where('i.published_date', '<=', today).where((eb) => inForce(eb, today)).orderBy('i.list').orderBy('i.title').execute(),
    platform.db
      .selectFrom('enforcement_officers')
      .select(['id', 'name', 'certificate_number', 'certificate_valid_until', 'supervisor'])
      .where('body_id', '=', id)
      .where('status', '=', 'active')
      .where('certificate_status', '=', 'valid')
      .where('certificate_valid_until', '>=', today)
      .orderBy('name')
      .execute(),
  ]);
  return {
    id: b.id,
    name: b.name,
    kind: BODY_KINDS[b.kind as keyof typeof BODY_KINDS] ?? b.kind,
    basis: b.basis,
    entrustedBy: b.entrusted_by,
    unitName: b.unit_name,
    powers: powers.map((p) => ({ id: p.id, title: p.title, category: POWER_CATEGORIES[p.category as keyof typeof POWER_CATEGORIES] ?? p.category, basis: p.basis, delegatedBy: p.delegated ? p.delegated_by : null, delegatedDate: p.delegated ? p.delegated_date : null })),
    lists: (Object.keys(ENFORCEMENT_LISTS) as EnforcementList[]).map((list) => ({
      list,
      title: ENFORCEMENT_LISTS[list],
      items: items.filter((i) => i.list === list).map((i) => ({ id: i.id, title: i.title, basis: i.basis, conditions: i.conditions, publishedDate: i.published_date })),
    })),
    officers: officers.map((o) => ({ name: o.name, certificateNumber: o.certificate_number, validUntil: o.certificate_valid_until, supervisor: o.supervisor === 1 })),
  };
}

/** A person's name as the portal shows it (张某某); an organisation's in full. */
export const publicPartyName = (kind: string | null, name: string) => (kind === 'organisation' ? name : `${[...name][0] ?? ''}某某`);

/**
 * 行政执法决定公示: the decisions disclosed and not withdrawn (a changed or revoked decision leaves the
 * portal the day it is recorded, before its withdrawal is done), newest first; no ID number, no facts.
 */
export async function publicDecisions(platform: Platform, query: { bodyId?: string; page: number; pageSize: number }) {
  let base = platform.db
    .selectFrom('enforcement_cases as c')
    .innerJoin('enforcement_bodies as b', 'b.id', 'c.body_id')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .where('c.status', '=', 'disclosed')
    .where('u.active', '=', 1);
  if (query.bodyId) base = base.where('c.body_id', '=', query.bodyId);
  const [total, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .select(['c.id', 'c.kind', 'c.party_kind', 'c.party_name', 'c.basis', 'c.outcome', 'c.decision', 'c.penalty_amount_fen', 'c.decision_number', 'c.decided_date', 'c.disclosed_date', 'b.id as body_id', 'b.name as body_name'])
      .orderBy('c.disclosed_date', 'desc')
      .orderBy('c.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((c) => ({
      id: c.id,
      bodyId: c.body_id,
      bodyName: c.body_name,
      kind: CASE_KINDS[c.kind as keyof typeof CASE_KINDS] ?? c.kind,
      party: publicPartyName(c.party_kind, c.party_name),
      basis: c.basis,
      outcome: c.outcome ? (DECISION_OUTCOMES[c.outcome as keyof typeof DECISION_OUTCOMES] ?? c.outcome) : null,
      decision: c.decision,
      penaltyAmountFen: c.penalty_amount_fen === null ? null : Number(c.penalty_amount_fen),
      decisionNumber: c.decision_number,
      decidedDate: c.decided_date,
      disclosedDate: c.disclosed_date,
    })),
  };
}
