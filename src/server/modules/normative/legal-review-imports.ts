// Import type `legality_reviews`: a unit's register of reviewed matters, through the module's commands
// (the intake as the API takes it, the completion as the ledger states it).
import { LEGAL_REVIEW } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { importInput, recordImport, type RecordImportRow } from '../../kernel/imports/from-record.ts';
import { correctLegalReview, createLegalReview, recordCompletion } from './legal-reviews.ts';

type Row = RecordImportRow<typeof LEGAL_REVIEW.fields>;
const intake = (v: Row) => importInput(LEGAL_REVIEW, v) as Omit<RecordInput<typeof LEGAL_REVIEW>, 'unitId'>;
const done = (v: Row) => ({ completedDate: v.completedDate ?? null, writtenOpinion: v.writtenOpinion ?? null });

export const legalReviewsImport = recordImport(LEGAL_REVIEW, {
  type: 'legality_reviews', title: '合法性审查事项', permission: 'legal_review.submit', example: 'HT-2025-012',
  columns: { date: '审查完成日期（completedDate）' },
  async create(v, unitId, run) {
    const id = await createLegalReview(run.tx, run.platform, run.actor, run.actor.scope, { ...intake(v), unitId, ref: v.ref });
    await recordCompletion(run.tx, run.platform, run.actor, id, done(v));
  },
  async update(v, existing, run) {
    if (existing.status !== 'completed') await correctLegalReview(run.tx, run.platform, run.actor, existing.id, existing.version!, intake(v));
    await recordCompletion(run.tx, run.platform, run.actor, existing.id, done(v));
  },
});
