// 合法性审查: contracts, meeting topics, minutes, enforcement decisions and other matters submitted
// for review, with the review deadline's light; the submitting drawer, both from the definition.
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { LegalReviewView } from '../../../shared/schemas/normative.ts';
import { LEGAL_REVIEW_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function LegalReviewsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<LegalReviewView>
      pages={LEGAL_REVIEW_PAGES}
      create={can('legal_review.submit') && { title: '送审事项', submitText: '送审', initialValues: { unitId: me?.unit.id, kind: 'contract', receivedDate: chinaDate() } }}
      exportName="合法性审查台账.xlsx"
      link="title"
      trailing={[{ key: 'due', title: <RuleLabel label="审查期限" rules={['legal_review.contract', 'legal_review.topic', 'legal_review.minutes', 'legal_review.enforcement', 'legal_review.other']} />, width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : r.completedDate ? `已完成 ${r.completedDate}` : '—') }]}
    />
  );
}
