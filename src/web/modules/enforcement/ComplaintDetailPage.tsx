// One complaint about enforcement: its fields (the complainant's ID number and phone masked, 查看
// audited), the reply deadline, 交办 to a body's unit while open, the online submission (when made on
// the portal) and the workflow panel (答复, 撤回) with its clock and timeline.
import { useState } from 'react';
import { App, Button, Card, Select, Space } from 'antd';
import { post } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { DetailPage } from '../../components/pages.tsx';
import { dueValue, lateReplyTag } from '../../components/Light.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { useAuth } from '../../auth.tsx';
import { COMPLAINT_RECORD_TYPE, type ComplaintView } from '../../../shared/schemas/enforcement.ts';
import { COMPLAINT_PAGES } from './pages.ts';
import { useBodyChoices } from './shared.tsx';

export default function ComplaintDetailPage() {
  return (
    <DetailPage<ComplaintView>
      pages={COMPLAINT_PAGES}
      tags={lateReplyTag}
      sealed={{ complainantIdNumber: '投诉举报人身份证号码', complainantPhone: '投诉举报人联系电话' }}
      extra={(c) => [{ label: '答复期限', rules: ['enforcement.complaint_reply'], value: dueValue(c.due, c.light) }]}
    >
      {(c, refresh) => (
        <>
          <Assign complaint={c} refresh={refresh} />
          <SubmissionCard recordType={COMPLAINT_RECORD_TYPE} recordId={c.id} />
        </>
      )}
    </DetailPage>
  );
}

/** 交办: an open complaint goes to the unit of the body chosen; its deadline stays. */
function Assign({ complaint: c, refresh }: { complaint: ComplaintView; refresh: () => void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const bodies = useBodyChoices();
  const [bodyId, setBodyId] = useState<string | undefined>();
  const { busy, run } = useSubmit();
  if (!can('enforcement.complaint') || c.status !== 'received') return null;
  const submit = async () => {
    if (!bodyId) return void message.warning('请选择执法主体');
    if (!(await run(() => post(`/enforcement-complaints/${c.id}/assign`, { version: c.version, bodyId }), '已交办'))) return;
    setBodyId(undefined);
    refresh();
  };
  return (
    <Card size="small" title="交办" style={{ marginBottom: 12 }}>
      <Space wrap>
        <Select style={{ width: 360 }} placeholder="交被投诉执法主体所属单位办理" showSearch optionFilterProp="label" value={bodyId} onChange={setBodyId} options={(bodies.data ?? []).filter((b) => b.value !== c.bodyId)} />
        <Button type="primary" loading={busy} onClick={submit}>交办</Button>
        <span style={{ color: '#888' }}>交办后答复期限不重新计算</span>
      </Space>
    </Card>
  );
}
