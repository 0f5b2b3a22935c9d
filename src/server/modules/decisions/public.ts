// What the portal shows of major decisions: the year's catalog once the Party committee consented
// (with the items added or withdrawn since, and why), the drafts open for comment with their
// countdown, and after the period how each comment was handled (意见采纳情况) — never who commented.
import type { Platform } from '../../kernel/platform.ts';
import { notFound } from '../../kernel/http/errors.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { COMMENT_ANSWERS, EVENT_KINDS } from '../../../shared/schemas/decisions.ts';
import { daysLeft } from './decisions.ts';

export async function publicCatalog(platform: Platform, year?: number) {
  const today = chinaToday();
  const years = await platform.db.selectFrom('decision_catalog_items').select('year').distinct().where('consent_date', 'is not', null).where('consent_date', '<=', today).orderBy('year', 'desc').execute();
  const chosen = year ?? years[0]?.year ?? Number(today.slice(0, 4));
  const rows = await platform.db
    .selectFrom('decision_catalog_items as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .leftJoin('decisions as d', 'd.catalog_item_id', 'c.id')
    .select(['c.id', 'c.title', 'c.planned_date', 'c.consent_date', 'c.added_reason', 'c.status', 'c.withdrawn_date', 'c.withdrawn_reason', 'u.name as unit_name', 'd.status as decision_status', 'd.decided_date'])
    .where('c.year', '=', chosen)
    .where('c.consent_date', 'is not', null)
    .where('c.consent_date', '<=', today)
    .orderBy('c.consent_date')
    .orderBy('u.sort_order')
    .orderBy('c.title')
    .execute();
  const first = rows[0]?.consent_date ?? null;
  return {
    year: chosen,
    years: years.map((y) => Number(y.year)),
    publishedDate: first,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      unitName: r.unit_name,
      plannedDate: r.planned_date,
      consentDate: r.consent_date,
      added: r.consent_date !== first ? { date: r.consent_date, reason: r.added_reason } : null,
      withdrawn: r.status === 'withdrawn' ? { date: r.withdrawn_date, reason: r.withdrawn_reason } : null,
      progress: r.status === 'withdrawn' ? '已调出目录' : !r.decision_status ? '未启动' : r.decision_status === 'drafting' ? '决策程序进行中' : r.decision_status === 'terminated' ? '已终止' : `已决策（${r.decided_date}）`,
    })),
  };
}

// The consultations run on the portal: a draft published for comment. A consultation an import
// recorded from history (its dates, no draft) was published elsewhere before the platform.
const consultationBase = (platform: Platform) =>
  platform.db
    .selectFrom('decisions as d')
    .innerJoin('org_units as u', 'u.id', 'd.unit_id')
    .where('d.comment_start', 'is not', null)
    .where('d.draft_text', 'is not', null)
    .where('d.comment_start', '<=', chinaToday())
    .where('d.pp_na_reason', 'is', null)
    .where('d.status', '!=', 'terminated');

export async function publicConsultations(platform: Platform) {
  const today = chinaToday();
  const rows = await consultationBase(platform).select(['d.id', 'd.title', 'd.comment_start', 'd.comment_end', 'd.comment_summary_date', 'd.comments_received', 'd.status', 'u.name as unit_name']).orderBy('d.comment_end', 'desc').limit(200).execute();
  const view = (r: (typeof rows)[number]) => ({ id: r.id, title: r.title, unitName: r.unit_name, commentStart: r.comment_start!, commentEnd: r.comment_end!, daysLeft: r.status === 'drafting' ? daysLeft(r.comment_start, r.comment_end, today) : null, comments: Number(r.comments_received), summaryDate: r.comment_summary_date });
  return {
    open: rows.filter((r) => r.status === 'drafting' && r.comment_end! >= today).map(view),
    closed: rows.filter((r) => !(r.status === 'drafting' && r.comment_end! >= today)).map(view),
  };
}

export async function publicConsultation(platform: Platform, id: string) {
  const today = chinaToday();
  const d = await consultationBase(platform)
    .select(['d.id', 'd.title', 'd.draft_text', 'd.comment_start', 'd.comment_end', 'd.comment_short_reason', 'd.comment_summary_date', 'd.comments_received', 'd.status', 'd.decided_date', 'd.published_date', 'd.publication', 'u.name as unit_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('征求意见的决策草案');
  const open = d.status === 'drafting' && d.comment_end! >= today;
  const [comments, events] = await Promise.all([
    d.comment_summary_date ? platform.db.selectFrom('decision_comments').select(['id', 'received_date', 'content', 'channel', 'answer', 'answer_reason']).where('decision_id', '=', id).where('status', '=', 'answered').orderBy('received_date').orderBy('id').execute() : [],
    platform.db.selectFrom('decision_events').select(['kind', 'date', 'participants']).where('decision_id', '=', id).orderBy('date').execute(),
  ]);
  const counts = Object.fromEntries(Object.keys(COMMENT_ANSWERS).map((k) => [k, comments.filter((c) => c.answer === k).length]));
  return {
    id: d.id,
    title: d.title,
    unitName: d.unit_name,
    draftText: d.draft_text,
    commentStart: d.comment_start!,
    commentEnd: d.comment_end!,
    shortReason: d.comment_short_reason,
    open,
    daysLeft: open ? daysLeft(d.comment_start, d.comment_end, today) : null,
    commentsReceived: Number(d.comments_received),
    events: events.map((e) => ({ kind: EVENT_KINDS[e.kind as keyof typeof EVENT_KINDS] ?? e.kind, date: e.date, participants: Number(e.participants) })),
    summary: d.comment_summary_date
      ? {
          date: d.comment_summary_date,
          adopted: counts.adopted ?? 0,
          partly: counts.partly ?? 0,
          rejected: counts.rejected ?? 0,
          items: comments.map((c, i) => ({ no: i + 1, receivedDate: c.received_date, content: c.content, answer: COMMENT_ANSWERS[c.answer as keyof typeof COMMENT_ANSWERS] ?? '', reason: c.answer_reason })),
        }
      : null,
    decision: d.decided_date ? { decidedDate: d.decided_date, publishedDate: d.published_date, publication: d.publication } : null,
  };
}
