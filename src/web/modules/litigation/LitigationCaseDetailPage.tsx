import { useState } from 'react';
import { App, Button, Card, Input, Modal, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { RecordForm, renderValue } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { chinaDate, entries } from '../../../shared/records.ts';
import { useAuth } from '../../auth.tsx';
import { JUDGMENT_RESULTS, LITIGATION_CASE, LITIGATION_HEARING, LITIGATION_WORKFLOW, type HearingView, type LitigationCaseDetail } from '../../../shared/schemas/litigation.ts';

export default function LitigationCaseDetailPage() {
  return (
    <RecordDetail<LitigationCaseDetail>
      def={LITIGATION_CASE}
      workflow={LITIGATION_WORKFLOW}
      api="/litigation-cases"
      ledger={{ to: '/litigation', label: '行政应诉' }}
      tags={(c) => c.result && <Tag color={c.result === 'lost' ? 'red' : 'green'}>{JUDGMENT_RESULTS[c.result]}</Tag>}
      extra={(c) => [
        { label: '答辩期限', value: c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : (c.defenceDue ?? '—') },
        { label: '败诉原因剖析', span: 3, value: <LossAnalysis record={c} /> },
      ]}
    >
      {(c, refresh) => <Hearings record={c} refresh={refresh} />}
    </RecordDetail>
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
      <Table<HearingView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.hearingList}
        locale={{ emptyText: '尚未开庭' }}
        columns={entries(LITIGATION_HEARING)
          .filter(([, spec]) => spec.list)
          .map(([name, spec]) => ({ key: name, title: spec.label, render: (_: unknown, h: HearingView) => renderValue(spec, name, h) }))}
      />
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
