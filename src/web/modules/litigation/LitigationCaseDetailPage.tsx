import { useState } from 'react';
import { App, Button, Card, Input, Modal, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { RecordForm, RecordTable } from '../../components/records.tsx';
import { dueValue } from '../../components/Light.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { useAuth } from '../../auth.tsx';
import { LITIGATION_PAGES } from './pages.ts';
import { JUDGMENT_RESULTS, LITIGATION_HEARING, type HearingView, type LitigationCaseDetail } from '../../../shared/schemas/litigation.ts';

export default function LitigationCaseDetailPage() {
  return (
    <DetailPage<LitigationCaseDetail>
      pages={LITIGATION_PAGES}
      tags={(c) => c.result && <Tag color={c.result === 'lost' ? 'red' : 'green'}>{JUDGMENT_RESULTS[c.result]}</Tag>}
      extra={(c) => [
        { label: '答辩期限', rules: ['litigation.defence'], value: dueValue(c.defenceDue, c.light) },
        { label: '败诉原因剖析', span: 3, value: <LossAnalysis record={c} /> },
      ]}
    >
      {(c, refresh) => <Hearings record={c} refresh={refresh} />}
    </DetailPage>
  );
}

/** 败诉原因剖析: required before a lost case closes; the law office writes it. */
function LossAnalysis({ record: c }: { record: LitigationCaseDetail }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [analysis, setAnalysis] = useState<string | null>(null);
  if (c.result !== 'lost') return <>—</>;
  const save = async () => {
    try {
      await put(`/litigation-cases/${c.id}/analysis`, { version: c.version, lossAnalysis: analysis });
      message.success('已保存败诉原因剖析');
      setAnalysis(null);
      void client.invalidateQueries({ queryKey: ['/litigation-cases', c.id] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      {c.lossAnalysis ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.lossAnalysis}</span> : <Typography.Text type="danger">未填写（结案前必须填写）</Typography.Text>}{' '}
      {can('litigation.manage') && <a onClick={() => setAnalysis(c.lossAnalysis ?? '')}>填写</a>}
      <Modal open={analysis !== null} title="败诉原因剖析" onCancel={() => setAnalysis(null)} onOk={save} okText="保存" okButtonProps={{ disabled: !analysis?.trim() }}>
        <Input.TextArea rows={6} value={analysis ?? ''} onChange={(e) => setAnalysis(e.target.value)} maxLength={5000} placeholder="败诉原因、暴露的问题、整改措施" />
      </Modal>
    </>
  );
}

/** The hearings (负责人出庭), and 登记开庭 while the case is open. */
function Hearings({ record: c, refresh }: { record: LitigationCaseDetail; refresh: () => void }) {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const manage = can('litigation.manage') && c.status !== 'closed';
  return (
    <Card size="small" title={`开庭（负责人出庭 ${c.headAppearances}/${c.hearings}）`} style={{ marginBottom: 12 }} extra={manage && <Button size="small" onClick={() => setOpen(true)}>登记开庭</Button>}>
      <RecordTable<HearingView> def={LITIGATION_HEARING} rows={c.hearingList} empty="尚未开庭" />
      <RecordForm
        def={LITIGATION_HEARING}
        open={open}
        title="登记开庭"
        submitText="登记"
        initialValues={{ date: chinaDate(), headAppeared: true }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          await post(`/litigation-cases/${c.id}/hearings`, body);
          refresh();
        }}
      />
    </Card>
  );
}
