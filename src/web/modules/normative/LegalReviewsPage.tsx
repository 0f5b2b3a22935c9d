// 合法性审查: contracts, meeting topics, minutes, enforcement decisions and other matters submitted
// for review, with the review deadline's light; the submitting drawer, both from the definition.
import { Card } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { LEGAL_REVIEW, LEGAL_REVIEW_WORKFLOW, type LegalReviewView } from '../../../shared/schemas/normative.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function LegalReviewsPage() {
  const { can, me } = useAuth();
  return (
    <Card
      size="small"
      title="合法性审查"
      extra={can('legal_review.submit') && (
        <CreateRecord<LegalReviewView>
          def={LEGAL_REVIEW}
          api="/legal-reviews"
          title="送审事项"
          submitText="送审"
          initialValues={{ unitId: me?.unit.id, kind: 'contract', receivedDate: chinaDate() }}
          to={(r) => `/legal-reviews/${r.id}`}
        />
      )}
    >
      <RecordLedger<LegalReviewView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={LEGAL_REVIEW}
        workflow={LEGAL_REVIEW_WORKFLOW}
        url="/legal-reviews"
        exportName="合法性审查台账.xlsx"
        link={{ field: 'title', to: (r) => `/legal-reviews/${r.id}` }}
        trailing={[{ key: 'due', title: <RuleLabel label="审查期限" rules={['legal_review.contract', 'legal_review.topic', 'legal_review.minutes', 'legal_review.enforcement', 'legal_review.other']} />, width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : r.completedDate ? `已完成 ${r.completedDate}` : '—') }]}
      />
    </Card>
  );
}
