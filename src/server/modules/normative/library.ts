// 规范性文件库 on the portal: every published document (现行有效 by default; amended, repealed and
// expired ones say so), searched by title, number and text through the search index (kernel/search). A draft never leaves the staff side.
import { sql } from 'kysely';
import type { Platform } from '../../kernel/platform.ts';
import { textMatch } from '../../kernel/search/index.ts';
import { notFound } from '../../kernel/http/errors.ts';
import { NORMDOC_WORKFLOW, type PublicNormativeDoc, type PublicNormativeLibrary, type PublicNormativeText } from '../../../shared/schemas/normative.ts';
import type { z } from '../../../shared/zod.ts';
import type { publicNormativeQuery } from '../../../shared/schemas/normative.ts';

const PUBLISHED = ['in_force', 'amended', 'repealed', 'expired'];
const PAGE_SIZE = 20;

function published(platform: Platform) {
  return platform.db
    .selectFrom('normative_docs as d')
    .innerJoin('org_units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.title', 'd.doc_number', 'd.register_number', 'd.issued_date', 'd.valid_until', 'd.ended_date', 'd.status', 'u.name as unit_name', 'u.code as unit_code'])
    .where('d.status', 'in', PUBLISHED)
    .where('d.issued_date', 'is not', null);
}

const view = (r: { id: string; title: string; doc_number: string | null; register_number: string | null; issued_date: string | null; valid_until: string | null; ended_date: string | null; status: string; unit_name: string }): PublicNormativeDoc => ({
  id: r.id,
  title: r.title,
  docNumber: r.doc_number,
  registerNumber: r.register_number,
  unitName: r.unit_name,
  issuedDate: r.issued_date!,
  validUntil: r.valid_until,
  endedDate: r.ended_date,
  status: r.status,
  statusLabel: NORMDOC_WORKFLOW.states[r.status]?.label ?? r.status,
});

export async function publicLibrary(platform: Platform, query: z.infer<typeof publicNormativeQuery>): Promise<PublicNormativeLibrary> {
  let q = published(platform);
  if (query.status === 'in_force') q = q.where('d.status', '=', 'in_force');
  if (query.year) q = q.where('d.issued_date', '>=', `${query.year}-01-01`).where('d.issued_date', '<=', `${query.year}-12-31`);
  if (query.unit) q = q.where('u.code', '=', query.unit);
  if (query.q) q = q.where(textMatch(platform, 'normative_docs', 'd', query.q));
  const [{ total }, rows, years, units] = await Promise.all([
    q.clearSelect().select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    q.orderBy('d.issued_date', 'desc').orderBy('d.id').limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE).execute(),
    published(platform).clearSelect().select(sql<string>`substr(d.issued_date, 1, 4)`.as('year')).distinct().execute(),
    published(platform).clearSelect().select(['u.code', 'u.name']).distinct().execute(),
  ]);
  return {
    items: rows.map(view),
    total: Number(total),
    page: query.page,
    pageSize: PAGE_SIZE,
    years: years.map((y) => Number(y.year)).sort((a, b) => b - a),
    units: units.sort((a, b) => a.code.localeCompare(b.code)).map((u) => ({ code: u.code, name: u.name })),
  };
}

export async function publicText(platform: Platform, id: string): Promise<PublicNormativeText> {
  const row = await published(platform).select('d.body').where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('规范性文件');
  return { ...view(row), body: row.body };
}
