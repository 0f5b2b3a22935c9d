// One decision's workspace: the five statutory procedures as a checklist (what is recorded, what is
// not applicable and why, what is still missing before 作出决策), each recorded in its own form; the
// public consultation (period with its countdown, the comments and their handling, 意见采纳情况), the
// hearings and meetings, implementation reports; then the workflow (作出决策 is refused while a
// procedure is missing, or an applicable one has no evidence). Each procedure keeps its evidence
// files (证明材料), uploaded and downloaded on its line of the checklist; a procedure an import
// recorded from history has its evidence in the 决策档案, as its other details.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Tag, Typography, Upload } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled, MinusCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, download, post, put } from '../../api.ts';
import { DetailPage } from '../../components/pages.tsx';
import { RecordLedger, CreateRecord } from '../../components/records.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { FormDialog, useFormDialog } from '../../components/FormDialog.tsx';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaTime, chinaDate } from '../../../shared/records.ts';
import {
  COMMENT,
  COMMENT_ANSWERS,
  COMMENT_WORKFLOW,
  EVENT_KINDS,
  LEGALITY_CONCLUSIONS,
  MEETINGS,
  missingEvidenceMessage,
  POST_EVAL_CONCLUSIONS,
  PROCEDURES,
  PROCEDURE_RECORD_TYPE,
  REVIEWER_KINDS,
  RISK_LEVELS,
  type CommentView,
  type DecisionDetail,
  type EventView,
  type Procedure,
  type ProcedureView,
} from '../../../shared/schemas/decisions.ts';
import { DECISION_PAGES } from './pages.ts';
import { ListCard } from '../../components/ListCard.tsx';

/** What an imported history does not give (the evaluation's details of a decision post-evaluated before the system). */
const UNSTATED = '批量导入的历史记录未载明，见决策档案';

type Kind = 'date' | 'text' | 'textarea' | Readonly<Record<string, string>>;
interface FieldSpec {
  name: string;
  label: string;
  kind: Kind;
  required?: boolean;
  extra?: string;
}

/** What each procedure's form asks (the server checks every rule again and names the field it refuses). */
const FORMS: Record<Procedure, FieldSpec[]> = {
  public_participation: [
    { name: 'draftText', label: '决策草案及说明', kind: 'textarea', required: true, extra: '征求意见期间在门户网站全文公布' },
    { name: 'commentStart', label: '征求意见开始日期', kind: 'date', required: true },
    { name: 'commentEnd', label: '征求意见截止日期', kind: 'date', required: true, extra: '一般不少于30日（条例第十五条）' },
    { name: 'commentShortReason', label: '期限少于30日的理由', kind: 'text', extra: '因情况紧急等原因缩短期限的，须说明理由' },
  ],
  expert: [
    { name: 'expertSessionDate', label: '专家论证日期', kind: 'date', required: true },
    { name: 'experts', label: '论证专家', kind: 'text', required: true, extra: '专家姓名、单位或专业机构' },
    { name: 'expertOpinion', label: '专家论证意见', kind: 'textarea', required: true },
  ],
  risk: [
    { name: 'riskAssessmentDate', label: '风险评估日期', kind: 'date', required: true },
    { name: 'riskLevel', label: '风险等级', kind: RISK_LEVELS, required: true },
    { name: 'riskAssessor', label: '风险评估机构', kind: 'text', required: true, extra: '决策后评估不得由该机构承担（条例第三十六条）' },
    { name: 'riskReport', label: '风险评估报告', kind: 'textarea', required: true },
    { name: 'riskMeasures', label: '风险防范措施', kind: 'textarea' },
  ],
  legality: [
    { name: 'legalitySubmittedDate', label: '送审日期', kind: 'date', required: true },
    { name: 'legalityDueDate', label: '审查期限', kind: 'date', required: true, extra: '保证审查时间不少于7个工作日（条例第二十六条）' },
    { name: 'legalityReviewerKind', label: '审查机构类别', kind: REVIEWER_KINDS, required: true },
    { name: 'legalityReviewer', label: '审查机构（人员）', kind: 'text', required: true },
    { name: 'legalityReviewDate', label: '审查意见日期', kind: 'date', extra: '出具审查意见后填写' },
    { name: 'legalityConclusion', label: '审查结论', kind: LEGALITY_CONCLUSIONS },
    { name: 'legalityOpinion', label: '合法性审查意见', kind: 'textarea' },
  ],
  deliberation: [
    { name: 'meeting', label: '会议', kind: MEETINGS, required: true },
    { name: 'meetingName', label: '会议名称', kind: 'text', required: true, extra: '如：县人民政府2026年第6次常务会议' },
    { name: 'deliberationDate', label: '集体讨论日期', kind: 'date', required: true },
    { name: 'minutes', label: '会议纪要', kind: 'textarea', required: true },
    { name: 'dissent', label: '不同意见', kind: 'textarea', extra: '集体讨论中的不同意见如实记录（条例第三十条）' },
  ],
};

const icon = (p: ProcedureView) =>
  p.notApplicable ? <MinusCircleFilled style={{ color: '#8c8c8c' }} /> : p.done ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ExclamationCircleFilled style={{ color: '#fa8c16' }} />;

const dateOf = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : undefined);

function widget(kind: Kind): ReactNode {
  if (kind === 'date') return <DatePicker style={{ width: '100%' }} />;
  if (kind === 'text') return <Input maxLength={500} />;
  if (kind === 'textarea') return <Input.TextArea rows={4} maxLength={5000} />;
  return <Select options={Object.entries(kind).map(([value, label]) => ({ value, label }))} />;
}

/** The form of one procedure: its facts, or (where allowed) not applicable with a reason. */
function ProcedureForm({ decision, procedure, onClose, onSaved }: { decision: DecisionDetail; procedure: ProcedureView; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const [mode, setMode] = useState<'facts' | 'na'>(procedure.notApplicable ? 'na' : 'facts');
  const specs = FORMS[procedure.key];
  const record = decision as unknown as Record<string, unknown>;
  const initial = Object.fromEntries(specs.map((s) => [s.name, s.kind === 'date' ? (record[s.name] ? dayjs(String(record[s.name])) : undefined) : (record[s.name] ?? undefined)]));
  const naField = { public_participation: 'ppNaReason', expert: 'expertNaReason', risk: 'riskNaReason' }[procedure.key as 'expert'];
  const submit = async () => {
    const values = await form.validateFields();
    const body: Record<string, unknown> = { version: decision.version };
    if (mode === 'na') body.notApplicable = values.notApplicable;
    else for (const s of specs) body[s.name] = s.kind === 'date' ? dateOf(values[s.name]) : values[s.name] || undefined;
    let refused: unknown = null;
    const saved = await run(async () => {
      try {
        await put(`/decisions/${decision.id}/procedures/${procedure.key}`, body);
      } catch (e) {
        refused = e;
        throw e;
      }
    }, `已记录${procedure.label}`);
    if (!saved) {
      if (refused instanceof ApiError) form.setFields(refused.errors.filter((x) => x.field && (specs.some((s) => s.name === x.field) || x.field === 'notApplicable')).map((x) => ({ name: x.field!, errors: [x.message] })));
      return;
    }
    onSaved();
    onClose();
  };
  return (
    <Modal open title={`记录${procedure.label}`} okText="保存" confirmLoading={busy} onOk={submit} onCancel={onClose} width={640} destroyOnHidden>
      {procedure.skippable ? (
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio.Button value="facts">记录办理情况</Radio.Button>
          <Radio.Button value="na">不适用</Radio.Button>
        </Radio.Group>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${procedure.label}是法定程序，不得省略。`} />
      )}
      <Form form={form} layout="vertical" initialValues={{ ...initial, notApplicable: naField ? record[naField] : undefined }}>
        {mode === 'na' ? (
          <Form.Item name="notApplicable" label="不适用理由" rules={[{ required: true, message: '请填写不适用理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : (
          specs.map((s) => (
            <Form.Item key={s.name} name={s.name} label={s.label} extra={s.extra} rules={s.required ? [{ required: true, message: `请填写${s.label}` }] : []}>
              {widget(s.kind)}
            </Form.Item>
          ))
        )}
      </Form>
    </Modal>
  );
}

/** A procedure's evidence files (证明材料): each downloadable; uploaded here by whoever keeps the decision. */
function Evidence({ procedure, refresh }: { procedure: ProcedureView; refresh(): void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (procedure.notApplicable) return null;
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('recordType', PROCEDURE_RECORD_TYPE);
    body.append('recordId', procedure.evidenceId);
    body.append('file', file);
    setBusy(true);
    try {
      await post('/attachments', body);
      message.success(`已上传${procedure.label}证明材料 ${file.name}`);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  return (
    <div style={{ marginTop: 4 }} data-testid={`evidence-${procedure.key}`}>
      <Space size={8} wrap>
        <span>
          <PaperClipOutlined /> 证明材料：
        </span>
        {procedure.evidence.map((f) => (
          <a key={f.id} href={`/api/v1/attachments/${f.id}/download`} title={`${f.uploadedByName ?? ''} ${chinaTime(f.uploadedAt).slice(0, 16)} 上传，${(f.size / 1024).toFixed(1)} KB`}>
            {f.filename}
          </a>
        ))}
        {procedure.evidence.length === 0 &&
          (procedure.evidenceRequired ? <Tag color="red">尚未上传</Tag> : <Typography.Text type="secondary">批量导入的历史记录，证明材料见决策档案</Typography.Text>)}
        {can('decision.manage') && can('attachment.upload') && (
          <Upload beforeUpload={upload} showUploadList={false}>
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              上传
            </Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}

function Checklist({ decision, refresh }: { decision: DecisionDetail; refresh(): void }) {
  const { can } = useAuth();
  const [editing, setEditing] = useState<ProcedureView | null>(null);
  const open = decision.status === 'drafting' && can('decision.manage');
  const missing = decision.procedures.filter((p) => !p.done);
  const noEvidence = decision.procedures.filter((p) => decision.missingEvidence.includes(p.key));
  return (
    <Card size="small" title="法定程序" style={{ marginBottom: 12 }} data-testid="procedures" extra={<Button size="small" onClick={() => void download(`/decisions/${decision.id}/archive`, `${decision.title}-决策档案.zip`)}>下载决策档案</Button>}>
      {decision.status === 'drafting' && (
        <>
          {missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`作出决策前尚缺：${missing.map((p) => p.label).join('、')}`} />}
          {noEvidence.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="missing-evidence" message={`作出决策前须上传证明材料：${noEvidence.map((p) => p.label).join('、')}`} />}
          {missing.length === 0 && noEvidence.length === 0 && <Alert type="success" showIcon style={{ marginBottom: 8 }} message="各项适用的法定程序已完成，证明材料齐备，可以提请作出决策" />}
        </>
      )}
      <List
        dataSource={decision.procedures}
        renderItem={(p, i) => (
          <List.Item actions={open ? [<a key="edit" onClick={() => setEditing(p)}>{p.done ? '修改' : '记录'}</a>] : []}>
            <List.Item.Meta
              avatar={icon(p)}
              title={
                <Space size={6}>
                  {`${i + 1}. ${p.label}`}
                  {p.notApplicable ? <Tag>不适用</Tag> : p.done ? <Tag color="green">已完成</Tag> : <Tag color="orange">未完成</Tag>}
                  {!p.skippable && <Typography.Text type="secondary">（不得省略）</Typography.Text>}
                  {p.key === 'legality' && decision.legalityLight && (
                    <span data-testid="legality-clock">
                      审查期限 <DueTag due={decision.legalityDue!} light={decision.legalityLight} />
                    </span>
                  )}
                </Space>
              }
              description={
                <>
                  {p.summary}
                  <Evidence procedure={p} refresh={refresh} />
                </>
              }
            />
          </List.Item>
        )}
      />
      {editing && <ProcedureForm decision={decision} procedure={editing} onClose={() => setEditing(null)} onSaved={refresh} />}
    </Card>
  );
}

/** 处理意见: 采纳 / 部分采纳 / 不采纳 with the reason, through the comment's workflow. */
function AnswerComment({ comment, onDone }: { comment: CommentView; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const submit = async () => {
    const values = await form.validateFields();
    if (await run(() => post(`/workflow/${COMMENT_WORKFLOW.recordType}/${comment.id}/transitions/answer`, { version: comment.version, values }), '已处理意见')) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <a onClick={() => setOpen(true)}>处理</a>
      <Modal open={open} title="处理意见" okText="保存" confirmLoading={busy} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{comment.content}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ answer: 'adopted' }}>
          <Form.Item name="answer" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
            <Radio.Group options={Object.entries(COMMENT_ANSWERS).map(([value, label]) => ({ value, label }))} optionType="button" />
          </Form.Item>
          <Form.Item name="answerReason" label="理由" rules={[{ required: true, message: '请填写理由' }]} extra="在门户网站公布的意见采纳情况中向社会说明">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Consultation({ decision, refresh }: { decision: DecisionDetail; refresh(): void }) {
  const { can } = useAuth();
  const client = useQueryClient();
  const { busy, run } = useSubmit();
  const manage = can('decision.manage');
  if (decision.ppNaReason || !decision.commentStart) return null;
  const imported = decision.procedures.some((p) => p.key === 'public_participation' && p.imported);
  const ended = decision.commentEnd! < chinaDate();
  const reload = () => {
    void client.invalidateQueries({ queryKey: ['/decision-comments'] });
    refresh();
  };
  const publish = () => run(() => post(`/decisions/${decision.id}/comment-summary`, { version: decision.version, date: chinaDate() }), '已公布意见采纳情况').then((ok) => ok && refresh());
  return (
    <Card
      size="small"
      title="公众参与：公开征求意见"
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          {!imported && <a href={`/public/decisions/${decision.id}`} target="_blank" rel="noreferrer">门户网站页面</a>}
          {manage && decision.status === 'drafting' && !decision.commentSummaryDate && (
            <CreateRecord<CommentView>
              def={COMMENT}
              api="/decision-comments"
              title="登记信函、座谈会等收到的意见"
              button="登记意见"
              submitText="登记"
              initialValues={{ decisionId: decision.id, receivedDate: dayjs(chinaDate() > decision.commentEnd! ? decision.commentEnd! : chinaDate()), channel: 'letter' }}
              references={{ decisionId: [{ value: decision.id, label: decision.title }] }}
              to={() => `/decisions/${decision.id}`}
            />
          )}
          {manage && ended && decision.status === 'drafting' && !decision.commentSummaryDate && (
            <Button size="small" type="primary" loading={busy} disabled={decision.openComments > 0} onClick={publish} title={decision.openComments > 0 ? '意见全部处理后方可公布' : undefined}>
              公布意见采纳情况
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="征求意见期间">{`${decision.commentStart} 至 ${decision.commentEnd}`}</Descriptions.Item>
        <Descriptions.Item label="倒计时">{decision.commentDaysLeft !== null ? <Tag color="blue">剩余 {decision.commentDaysLeft} 天</Tag> : ended ? '已截止' : '未开始'}</Descriptions.Item>
        <Descriptions.Item label="意见采纳情况">{decision.commentSummaryDate ? `${decision.commentSummaryDate} 已公布` : decision.openComments ? <Tag color="gold">{decision.openComments} 条待处理</Tag> : imported ? '批量导入的历史记录未载明，见决策档案' : '未公布'}</Descriptions.Item>
        {decision.commentShortReason && <Descriptions.Item label="缩短期限理由" span={3}>{decision.commentShortReason}</Descriptions.Item>}
      </Descriptions>
      <RecordLedger<CommentView>
        def={COMMENT}
        url="/decision-comments"
        params={{ decisionId: decision.id }}
        exportName={`${decision.title}意见采纳情况.xlsx`}
        workflow={COMMENT_WORKFLOW}
        link={{ field: 'content', to: (r) => `/decision-comments/${r.id}` }}
        // 处理 first, in view however wide the comments are (the ledger scrolls sideways).
        leading={manage ? [{ key: 'act', title: '操作', width: 56, render: (_: unknown, r: CommentView) => (manage && r.status === 'received' ? <AnswerComment comment={r} onDone={reload} /> : null) }] : undefined}
      />
    </Card>
  );
}

function Events({ decision, refresh }: { decision: DecisionDetail; refresh(): void }) {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  /** The event being corrected (a hearing held after its notice: its participants and minutes), or null for a new one. */
  const [editing, setEditing] = useState<EventView | null>(null);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const kind = Form.useWatch('kind', form);
  const manage = can('decision.manage');
  const openForm = (event: EventView | null) => {
    setEditing(event);
    form.resetFields();
    setOpen(true);
  };
  // The form is mounted afresh each time it opens (destroyOnHidden), with what is recorded when correcting.
  const initial = editing
    ? { kind: editing.kind, date: dayjs(editing.date), noticeDate: editing.noticeDate ? dayjs(editing.noticeDate) : undefined, participants: editing.participants, participantList: editing.participantList ?? undefined, record: editing.record ?? undefined }
    : { kind: 'hearing', participants: 0 };
  const submit = async () => {
    const v = await form.validateFields();
    let refused: unknown = null;
    const values = { kind: v.kind, date: dateOf(v.date), noticeDate: dateOf(v.noticeDate), participants: v.participants ?? 0, participantList: v.participantList || undefined, record: v.record || undefined };
    const ok = await run(async () => {
      try {
        if (editing) await put(`/decisions/${decision.id}/events/${editing.id}`, { version: editing.version, ...values });
        else await post(`/decisions/${decision.id}/events`, values);
      } catch (e) {
        refused = e;
        throw e;
      }
    }, editing ? '已更正' : '已记录');
    if (!ok) {
      if (refused instanceof ApiError) form.setFields(refused.errors.filter((x) => x.field && ['noticeDate', 'date', 'participants'].includes(x.field)).map((x) => ({ name: x.field!, errors: [x.message] })));
      return;
    }
    setOpen(false);
    refresh();
  };
  return (
    <ListCard title="听证会、专家论证会、座谈会" style={{ marginBottom: 12 }} extra={manage && <Button size="small" onClick={() => openForm(null)}>记录活动</Button>}
      rows={decision.events}
      empty="尚未记录"
      columns={[
        { title: '类别', dataIndex: 'kindLabel', width: 150 },
        { title: '举行日期', dataIndex: 'date', width: 110 },
        { title: '公告日期', dataIndex: 'noticeDate', width: 110 },
        { title: '参加人数', dataIndex: 'participants', width: 90 },
        { title: '参加人员', dataIndex: 'participantList', ellipsis: true },
        { title: '记录', dataIndex: 'record', ellipsis: true },
        ...(manage ? [{ title: '操作', key: 'act', width: 64, render: (_: unknown, e: EventView) => <a onClick={() => openForm(e)}>更正</a> }] : []),
      ]}
    >
      <Modal open={open} title={editing ? `更正${editing.kindLabel}记录` : '记录听证会、专家论证会或座谈会'} okText="保存" confirmLoading={busy} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={initial}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={Object.entries(EVENT_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="date" label="举行日期" rules={[{ required: true, message: '请选择举行日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="noticeDate" label="公告日期" rules={kind === 'hearing' && !(editing && !editing.noticeDate) ? [{ required: true, message: '听证会须填写公告日期' }] : []} extra={kind === 'hearing' ? '听证会应于举行7日前公告时间、地点和拟听证事项（条例第十七条）' : undefined}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="participants" label="参加人数" rules={[{ required: true, message: '请填写参加人数' }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="participantList" label="参加人员" extra="听证参加人的遴选及名单">
            <Input.TextArea rows={2} maxLength={3000} />
          </Form.Item>
          <Form.Item name="record" label="会议记录">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </ListCard>
  );
}

function Implementation({ decision, refresh }: { decision: DecisionDetail; refresh(): void }) {
  const { can } = useAuth();
  const dialog = useFormDialog();
  if (decision.status !== 'implementing' && decision.status !== 'evaluated') return null;
  return (
    <Card size="small" title="决策执行与后评估" style={{ marginBottom: 12 }} extra={can('decision.manage') && decision.status === 'implementing' && <Button size="small" onClick={dialog.show}>报告执行情况</Button>}>
      <List size="small" dataSource={decision.reports} locale={{ emptyText: '尚无执行情况报告' }} renderItem={(r) => <List.Item>{`${r.date}：${r.content}`}</List.Item>} />
      {decision.postEvalDate && (
        <Descriptions size="small" column={2} style={{ marginTop: 8 }} title="决策后评估">
          <Descriptions.Item label="完成日期">{decision.postEvalDate}</Descriptions.Item>
          <Descriptions.Item label="评估结论">{decision.postEvalConclusion ? POST_EVAL_CONCLUSIONS[decision.postEvalConclusion] : UNSTATED}</Descriptions.Item>
          <Descriptions.Item label="评估机构">{decision.postEvaluator ?? UNSTATED}</Descriptions.Item>
          <Descriptions.Item label="启动情形">{decision.postEvalTrigger ?? UNSTATED}</Descriptions.Item>
          <Descriptions.Item label="评估报告" span={2}>{decision.postEvalReport ?? UNSTATED}</Descriptions.Item>
        </Descriptions>
      )}
      <FormDialog
        dialog={dialog}
        title="报告决策执行情况"
        okText="保存"
        initialValues={{ date: dayjs(chinaDate()) }}
        save={(v) => post(`/decisions/${decision.id}/reports`, { date: dateOf(v.date), content: v.content })}
        done="已报告执行情况"
        onSaved={refresh}
      >
        <Form.Item name="date" label="报告日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="content" label="执行情况" rules={[{ required: true, message: '请填写执行情况' }]}>
          <Input.TextArea rows={4} maxLength={3000} />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}

export default function DecisionDetailPage() {
  useParams();
  return (
    <DetailPage<DecisionDetail>
      pages={DECISION_PAGES}
      tags={(d) => d.status === 'drafting' && <Tag color={d.missing.length || d.missingEvidence.length ? 'orange' : 'green'}>{d.missing.length ? `当前程序：${d.stage}` : d.missingEvidence.length ? '待上传证明材料' : '程序齐备'}</Tag>}
      show={(d) => ({ catalogItemId: d.catalogItemId ? <Link to={`/decision-catalog/${d.catalogItemId}`}>{d.catalogItemTitle}</Link> : '未列入目录' })}
      extra={(d) => [
        ...(d.missing.length ? [{ label: '尚缺程序', value: d.missing.map((p) => PROCEDURES[p]).join('、') }] : []),
        ...(d.status === 'drafting' && d.missingEvidence.length ? [{ label: '尚缺证明材料', value: d.missingEvidence.map((p) => PROCEDURES[p]).join('、') }] : []),
      ]}
      // The server refuses 作出决策 while an applicable procedure has no evidence: the button says so before it is tried.
      blocked={(d) => ({ decide: d.status === 'drafting' && d.missing.length === 0 && d.missingEvidence.length > 0 ? missingEvidenceMessage(d.missingEvidence) : null })}
      actionsHint={(d) => d.status === 'drafting' && d.missing.length === 0 && d.missingEvidence.length > 0 && <Typography.Text type="warning">作出决策前须上传证明材料：{d.missingEvidence.map((p) => PROCEDURES[p]).join('、')}（在「法定程序」中逐项上传）</Typography.Text>}
    >
      {(d, refresh) => (
        <>
          <Checklist decision={d} refresh={refresh} />
          <Consultation decision={d} refresh={refresh} />
          <Events decision={d} refresh={refresh} />
          <Implementation decision={d} refresh={refresh} />
        </>
      )}
    </DetailPage>
  );
}
