// 案卷评查's scoring sheet: edited when a campaign is opened (lines with points, the total shown
// against the pass mark), and filled in line by line when a file is scored.
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { put } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { zodRule, field } from '../../components/zodRule.ts';
import { chinaDate } from '../../../shared/records.ts';
import { scoreInput, scoringLine, type CampaignDetail, type FileReviewView } from '../../../shared/schemas/enforcement.ts';

type Line = { item: string; points: number };
const sum = (values: (number | null | undefined)[] | undefined) => (values ?? []).reduce<number>((total, n) => total + (Number(n) || 0), 0);

/** The sheet's lines inside a campaign's form (field `lines`), with their total. */
export function ScoringSheetEditor() {
  const lines = Form.useWatch<Line[] | undefined>('lines');
  const passMark = Form.useWatch<number | undefined>('passMark');
  const total = sum(lines?.map((l) => l?.points));
  return (
    <Form.Item label={`评分表（总分 ${total}）`} required extra={passMark !== undefined && passMark > total ? <Typography.Text type="danger">合格分数线 {passMark} 高于总分</Typography.Text> : '可增删评查项目、调整分值'}>
      <Form.List name="lines" rules={[{ validator: async (_, value: Line[] | undefined) => { if (!value?.length) throw new Error('评分表至少一项'); } }]}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) => (
              <Space key={row.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[row.name, 'item']} rules={[zodRule(field(scoringLine, 'item'))]} style={{ marginBottom: 8, width: 300 }}>
                  <Input placeholder={`评查项目 ${i + 1}`} aria-label={`评查项目 ${i + 1}`} maxLength={200} />
                </Form.Item>
                <Form.Item name={[row.name, 'points']} rules={[zodRule(field(scoringLine, 'points'))]} style={{ marginBottom: 8 }}>
                  <InputNumber precision={0} min={1} max={100} addonAfter="分" aria-label={`分值 ${i + 1}`} style={{ width: 110 }} />
                </Form.Item>
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 项`} onClick={() => remove(row.name)} disabled={rows.length === 1} />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ item: '', points: 10 })} disabled={rows.length >= 50}>添加评查项目</Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 评分 of one file: a score per line of the campaign's sheet; the total and the verdict as one types. */
export function ScoreFileModal({ campaign: c, file, onClose, onScored }: { campaign: CampaignDetail; file: FileReviewView | null; onClose(): void; onScored(): void }) {
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const scores = Form.useWatch<(number | null)[] | undefined>('lineScores', form);
  const total = sum(scores);
  const complete = (scores ?? []).filter((n) => n !== null && n !== undefined).length === c.lines.length;
  const failing = complete && total < c.passMark;
  const submit = async () => {
    if (!file) return;
    const values = await form.validateFields();
    const ok = await run(
      () => put(`/file-reviews/${file.id}/score`, { version: file.version, reviewedDate: (values.reviewedDate as Dayjs).format('YYYY-MM-DD'), lineScores: values.lineScores, problems: values.problems || undefined }),
      `已评分：${sum(values.lineScores)} 分`,
    );
    if (ok) onScored();
  };
  const initialValues = { reviewedDate: dayjs(file?.reviewedDate ?? chinaDate()), lineScores: file?.lineScores ?? c.lines.map(() => null), problems: file?.problems ?? undefined };
  return (
    <Modal open={!!file} width={640} title={`评分：${file?.caseTitle ?? ''}`} okText="评分" confirmLoading={busy} onOk={submit} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        <Form.Item name="reviewedDate" label="评查日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate() || d.format('YYYY-MM-DD') < c.startDate} />
        </Form.Item>
        <Table<Line & { index: number }>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={c.lines.map((l, index) => ({ ...l, index }))}
          columns={[
            { key: 'item', title: '评查项目', dataIndex: 'item' },
            { key: 'points', title: '分值', dataIndex: 'points', width: 60, align: 'right' },
            {
              key: 'score',
              title: '得分',
              width: 120,
              render: (_, l) => (
                <Form.Item name={['lineScores', l.index]} rules={[{ required: true, message: '请评分' }]} style={{ margin: 0 }}>
                  <InputNumber precision={0} min={0} max={l.points} aria-label={`${l.item} 得分`} style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计（{c.passMark} 分合格）</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{c.total}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <Typography.Text strong type={complete ? (failing ? 'danger' : 'success') : undefined}>
                  {total}{complete ? (failing ? '　不合格' : '　合格') : ''}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Form.Item
          name="problems"
          label="发现的问题"
          style={{ marginTop: 12 }}
          required={failing}
          extra="不合格的须填写，问题将列入该执法主体的问题池"
          rules={[zodRule(field(scoreInput, 'problems')), { required: failing, message: '不合格的案卷须写明发现的问题' }]}
        >
          <Input.TextArea rows={3} maxLength={3000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A scored file's lines, under its row in the campaign's table. */
export function LineScores({ file }: { file: FileReviewView }) {
  if (!file.lineScores) return <Typography.Text type="secondary">只录入了总分（{file.score} 分），没有逐项得分。</Typography.Text>;
  return (
    <Space wrap size={[16, 4]}>
      {file.lines.map((l, i) => (
        <span key={i}>
          {l.item}：<Typography.Text strong type={file.lineScores![i]! < l.points ? 'warning' : undefined}>{file.lineScores![i]}</Typography.Text>/{l.points}
        </span>
      ))}
    </Space>
  );
}
