import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post, put } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { RecordFields, RecordForm, renderValue } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { chinaDate, entries } from '../../../shared/records.ts';
import { useAuth } from '../../auth.tsx';
import { JUDGMENT_RESULTS, LITIGATION_CASE, LITIGATION_HEARING, LITIGATION_WORKFLOW, type HearingView, type LitigationCaseDetail } from '../../../shared/schemas/litigation.ts';

export default function LitigationCaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['litigation-case', id], queryFn: () => get<LitigationCaseDetail>(`/litigation-cases/${id}`) });
  const [hearing, setHearing] = useState(false);
  const [analysis, setAnalysis] = useState<string | null>(null);
  const c = detail.data;
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['litigation-case', id] });
    client.invalidateQueries({ queryKey: ['workflow', LITIGATION_WORKFLOW.recordType, id] });
  };
  const saveAnalysis = async () => {
    try {
      await put(`/litigation-cases/${id}/analysis`, { version: c!.version, lossAnalysis: analysis });
      message.success('已保存败诉原因剖析');
      setAnalysis(null);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const manage = can('litigation.manage') && c && c.status !== 'closed';
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/litigation">行政应诉</Link> }, { title: c?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={c?.title} extra={c && <Space><StatusTag def={LITIGATION_WORKFLOW} status={c.status} />{c.result && <Tag color={c.result === 'lost' ? 'red' : 'green'}>{JUDGMENT_RESULTS[c.result]}</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {c && (
          <RecordFields
            def={LITIGATION_CASE}
            view={c}
            extra={[
              { label: '答辩期限', value: c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : (c.defenceDue ?? '—') },
              {
                label: '败诉原因剖析',
                span: 3,
                value: (
                  <>
                    {c.result === 'lost' ? (c.lossAnalysis ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.lossAnalysis}</span> : <Typography.Text type="danger">未填写（结案前必须填写）</Typography.Text>) : '—'}{' '}
                    {c.result === 'lost' && can('litigation.manage') && <a onClick={() => setAnalysis(c.lossAnalysis ?? '')}>填写</a>}
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
      {c && (
        <Card size="small" title={`开庭（负责人出庭 ${c.headAppearances}/${c.hearings}）`} style={{ marginBottom: 12 }} extra={manage && <Button size="small" onClick={() => setHearing(true)}>登记开庭</Button>}>
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
        </Card>
      )}
      {c && <WorkflowPanel def={LITIGATION_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['litigation-case', id] })} />}
      <RecordForm
        def={LITIGATION_HEARING}
        open={hearing}
        title="登记开庭"
        submitText="登记"
        initialValues={{ date: chinaDate(), headAppeared: true }}
        onClose={() => setHearing(false)}
        onSubmit={async (body) => {
          await post(`/litigation-cases/${id}/hearings`, body);
          refresh();
        }}
      />
      <Modal open={analysis !== null} title="败诉原因剖析" onCancel={() => setAnalysis(null)} onOk={saveAnalysis} okText="保存" okButtonProps={{ disabled: !analysis?.trim() }}>
        <Input.TextArea rows={6} value={analysis ?? ''} onChange={(e) => setAnalysis(e.target.value)} maxLength={5000} placeholder="败诉原因、暴露的问题、整改措施" />
      </Modal>
    </>
  );
}
