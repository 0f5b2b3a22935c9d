// One matter under legality review: its fields, the opinion once given, and the workflow panel (the
// review clock, the opinion as evidence — e.g. the written opinion as .docx — and the timeline).
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { DueTag } from '../../components/Light.tsx';
import { LEGAL_REVIEW, LEGAL_REVIEW_WORKFLOW, type LegalReviewView } from '../../../shared/schemas/normative.ts';

export default function LegalReviewDetailPage() {
  return (
    <RecordDetail<LegalReviewView>
      def={LEGAL_REVIEW}
      workflow={LEGAL_REVIEW_WORKFLOW}
      api="/legal-reviews"
      ledger={{ to: '/legal-reviews', label: '合法性审查' }}
      extra={(r) => [{ label: '审查期限', value: r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—') }]}
    />
  );
}
