// One request: its fields (applicant data masked, 查看 audited), the reply deadline, the online
// submission (when made on the portal) and the workflow panel.
import { Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { DetailPage, useSealed } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { DISCLOSURE_RECORD_TYPE, type DisclosureRequestDetail } from '../../../shared/schemas/disclosure.ts';
import { DISCLOSURE_PAGES } from './pages.ts';

export default function DisclosureRequestDetailPage() {
  const { id = '' } = useParams();
  const sealed = useSealed(`/foi-requests/${id}`, { idNumber: '申请人身份证号码', phone: '申请人联系电话' });
  return (
    <DetailPage<DisclosureRequestDetail>
      pages={DISCLOSURE_PAGES}
      tags={(r) => r.onTime === false && <Tag color="red">超期答复</Tag>}
      show={(r) => ({ applicantIdNumber: sealed(r.applicantIdNumber, 'idNumber'), applicantPhone: sealed(r.applicantPhone, 'phone') })}
      extra={(r) => [{ label: '答复期限', value: <Space size={6}>{dueValue(r.due, r.light)}{r.extended && <Tag color="blue">经批准延长</Tag>}</Space> }]}
    >
      {() => <SubmissionCard recordType={DISCLOSURE_RECORD_TYPE} recordId={id} />}
    </DetailPage>
  );
}
