// One matter under legality review: its fields, the opinion once given, and the workflow panel (the
// review clock, the opinion as evidence — e.g. the written opinion as .docx — and the timeline).
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import type { LegalReviewView } from '../../../shared/schemas/normative.ts';
import { LEGAL_REVIEW_PAGES } from './pages.ts';

export default function LegalReviewDetailPage() {
  const { message } = App.useApp();
  return (
    <DetailPage<LegalReviewView>
      pages={LEGAL_REVIEW_PAGES}
      extra={(r) => [{ label: '审查期限', rules: ['legal_review.contract', 'legal_review.topic', 'legal_review.minutes', 'legal_review.enforcement', 'legal_review.other'], value: r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—') }]}
      tags={(r) => r.status === 'completed' && r.opinion && <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`/legal-reviews/${r.id}/opinion.docx`, `合法性审查意见书-${r.title}.docx`).catch((e) => message.error(errorText(e)))}>审查意见书（Word）</Button>}
    />
  );
}
