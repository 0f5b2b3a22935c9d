// One file-review campaign: its fields, the scoring sheet, results by body, the sampling of cases,
// the files with their scores (评分 for the bureau), and the workflow (结束评查).
import { useState } from 'react';
import { Button, Form, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { DetailPage } from '../../components/pages.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { CASE_KINDS, sampleInput, type CampaignDetail, type FileReviewView } from '../../../shared/schemas/enforcement.ts';
import { useBodyChoices } from './shared.tsx';
import { LineScores, ScoreFileModal } from './ScoringSheet.tsx';
import { CAMPAIGN_PAGES } from './pages.ts';

export default function FileReviewCampaignPage() {
  return (
    <DetailPage<CampaignDetail>
      pages={CAMPAIGN_PAGES}
      extra={(c) => [{ label: '评查进度', value: `抽取 ${c.files} 份，已评分 ${c.scored} 份，合格 ${c.passedFiles} 份` }]}
    >
      {(c, refresh) => (
        <>
          <ListCard title={`评分表（总分 ${c.total}，合格线 ${c.passMark}）`} style={{ marginBottom: 12 }} rowKey="item" rows={c.lines} columns={[{ key: 'item', title: '评查项目', dataIndex: 'item' }, { key: 'points', title: '分值', dataIndex: 'points', width: 80, align: 'right' }]} />
          <ListCard
            title="按执法主体的评查结果"
            style={{ marginBottom: 12 }}
            rowKey="bodyName"
            rows={c.byBody}
            empty="还没有抽取案卷"
            columns={[
              { key: 'body', title: '执法主体', dataIndex: 'bodyName' },
              { key: 'files', title: '抽取', dataIndex: 'files', width: 70, align: 'right' },
              { key: 'scored', title: '已评分', dataIndex: 'scored', width: 80, align: 'right' },
              { key: 'passed', title: '合格', dataIndex: 'passed', width: 70, align: 'right' },
              { key: 'avg', title: '平均分', dataIndex: 'averageScore', width: 80, align: 'right', render: (v) => v ?? '—' },
            ]}
          />
          <Files campaign={c} refresh={refresh} />
        </>
      )}
    </DetailPage>
  );
}

function Files({ campaign: c, refresh }: { campaign: CampaignDetail; refresh: () => void }) {
  const { can } = useAuth();
  const client = useQueryClient();
  const key = ['/file-reviews', 'campaign', c.id];
  const files = useQuery({ queryKey: key, queryFn: () => get<{ items: FileReviewView[] }>(`/file-reviews?campaignId=${c.id}&pageSize=200`).then((r) => r.items) });
  const bodies = useBodyChoices();
  const [sampling, setSampling] = useState(false);
  const [scoring, setScoring] = useState<FileReviewView | null>(null);
  const { busy, run } = useSubmit();
  const [sampleForm] = Form.useForm();
  const may = can('enforcement.supervise') && c.status === 'ongoing';
  const done = () => {
    void client.invalidateQueries({ queryKey: key });
    refresh();
  };
  const sample = async () => {
    const values = await sampleForm.validateFields();
    const before = c.files;
    const sampled = () => post<CampaignDetail>(`/file-review-campaigns/${c.id}/sample`, { ...values, bodyId: values.bodyId || undefined, kind: values.kind || undefined });
    if (!(await run(sampled, (after) => `已抽取 ${after.files - before} 份案卷`))) return;
    setSampling(false);
    done();
  };
  return (
    <ListCard<FileReviewView>
      title="评查案卷"
      style={{ marginBottom: 12 }}
      extra={may && <Button size="small" onClick={() => { sampleForm.resetFields(); setSampling(true); }}>抽取案卷</Button>}
      loading={files.isLoading}
      rows={files.data}
      empty="还没有抽取案卷"
      expandable={{ rowExpandable: (f) => f.score !== null, expandedRowRender: (f) => <LineScores file={f} /> }}
      columns={[
        { key: 'case', title: '执法案件', render: (_, f) => <Link to={`/enforcement/cases/${f.caseId}`}>{f.caseTitle}</Link> },
        { key: 'body', title: '执法主体', dataIndex: 'bodyName' },
        { key: 'kind', title: '类别', width: 90, render: (_, f) => CASE_KINDS[f.caseKind] },
        { key: 'score', title: '得分', width: 70, align: 'right', render: (_, f) => f.score ?? '—' },
        { key: 'passed', title: '结果', width: 80, render: (_, f) => (f.passed === null ? <Tag>待评分</Tag> : f.passed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
        { key: 'problems', title: '发现的问题', dataIndex: 'problems', render: (v) => v ?? '—' },
        ...(may ? [{ key: 'act', title: '', width: 70, render: (_: unknown, f: FileReviewView) => <a onClick={() => setScoring(f)}>{f.score === null ? '评分' : '改分'}</a> }] : []),
      ]}
    >
      <Modal open={sampling} title="抽取案卷" okText="抽取" confirmLoading={busy} onOk={sample} onCancel={() => setSampling(false)} destroyOnHidden>
        <Form form={sampleForm} layout="vertical" initialValues={{ year: Number(chinaDate().slice(0, 4)), count: 5 }}>
          <Form.Item name="bodyId" label="执法主体" extra="不选则从全部执法主体中抽取">
            <Select allowClear showSearch optionFilterProp="label" options={bodies.data ?? []} />
          </Form.Item>
          <Form.Item name="kind" label="案件类别">
            <Select allowClear options={Object.entries(CASE_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Space>
            <Form.Item name="year" label="决定年度" required rules={[zodRule(field(sampleInput, 'year'))]}>
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item name="count" label="抽取数量" required rules={[zodRule(field(sampleInput, 'count'))]}>
              <InputNumber precision={0} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <ScoreFileModal campaign={c} file={scoring} onClose={() => setScoring(null)} onScored={() => { setScoring(null); done(); }} />
    </ListCard>
  );
}
