// One case: its fields (applicant data masked, 查看 audited; the advisory committee's opinion, recorded
// here), the online submission (when made on the portal) and the workflow panel.
import { useState } from 'react';
import { App, Input, Modal, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { CORRECTIONS, REVIEW_OUTCOMES, REVIEW_RECORD_TYPE, type ReviewCaseDetail } from '../../../shared/schemas/reconsideration.ts';
import { REVIEW_PAGES } from './pages.ts';

export default function ReconsiderationCaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [opinion, setOpinion] = useState<string | null>(null);
  const saveOpinion = async (c: ReviewCaseDetail, refresh: () => void) => {
    try {
      await put(`/review-cases/${id}/committee`, { version: c.version, committeeOpinion: opinion });
      message.success('已记录咨询委员会意见');
      setOpinion(null);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const recordOpinion = (c: ReviewCaseDetail) => can('review.manage') && ['accepted', 'mediating'].includes(c.status);
  return (
    <DetailPage<ReviewCaseDetail>
      pages={REVIEW_PAGES}
      tags={(c) => (
        <>
          {c.outcome && <Tag color={CORRECTIONS.includes(c.outcome) ? 'red' : 'blue'}>{REVIEW_OUTCOMES[c.outcome]}</Tag>}
          {c.extended && <Tag color="blue">决定期限经批准延长</Tag>}
        </>
      )}
      sealed={{ applicantIdNumber: '申请人身份证号码', applicantPhone: '申请人手机号码' }}
      show={(c) => ({
        committeeOpinion: (c.committeeOpinion || recordOpinion(c)) && (
          <>
            {c.committeeOpinion}{' '}
            {recordOpinion(c) && <a onClick={() => setOpinion(c.committeeOpinion ?? '')}>记录</a>}
          </>
        ),
      })}
    >
      {(c, refresh) => (
        <>
          <SubmissionCard recordType={REVIEW_RECORD_TYPE} recordId={id} />
          <Modal open={opinion !== null} title="咨询委员会意见" onCancel={() => setOpinion(null)} onOk={() => saveOpinion(c, refresh)} okText="保存">
            <Input.TextArea rows={5} value={opinion ?? ''} onChange={(e) => setOpinion(e.target.value)} maxLength={3000} />
          </Modal>
          {can('clock.extend') && c.status === 'accepted' && !c.extended && c.procedure === 'normal' && (
            <Typography.Paragraph type="secondary">情况复杂需要延长决定期限的，经复议机构负责人批准，可在“期限”中对“复议决定期限”办理延长（最多30日，仅一次）。</Typography.Paragraph>
          )}
        </>
      )}
    </DetailPage>
  );
}
