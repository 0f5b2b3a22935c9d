// A record's workflow: status, the actions this user may take (with their guards), the statutory
// clocks with their explanations, the evidence and the timeline. Every module's detail page uses it.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { GenerateDocuments } from '../modules/documents/GenerateDocuments.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { get, post } from '../api.ts';
import { errorText, showAtFields } from './ErrorNotice.tsx';
import { DueTag, Explanation } from './Light.tsx';
import { zodRule } from './zodRule.ts';
import { DateInput, afterToday } from './DateInput.tsx';
import { useAuth } from '../auth.tsx';
import type { AvailableTransition, TransitionDef, WorkflowDef, WorkflowPanelView } from '../../shared/workflow.ts';
import { CLOCK_STATUSES, type ClockView } from '../../shared/schemas/calendar.ts';
import type { AttachmentView } from '../../shared/schemas/attachments.ts';
import { chinaTime } from '../../shared/records.ts';

export const TONE_COLOR: Record<string, string> = { default: 'default', processing: 'processing', warning: 'warning', success: 'success', error: 'error' };

export function StatusTag({ def, status, testId }: { def: WorkflowDef; status: string; testId?: string }) {
  const state = def.states[status];
  return <Tag color={TONE_COLOR[state?.tone ?? 'default']} data-testid={testId}>{state?.label ?? status}</Tag>;
}

/** The width of an element, followed as it changes (0 until it is laid out). */
function useWidth<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A record's clocks. Where there is room, a column each for the rule, the start, the due date and
 * the status; in a narrow place (a report's side column, a phone) the rule under the clock's name
 * and the status under its due date, so that nothing is cut off or scrolled out of the card.
 */
function ClockTable({ clocks, onExtend }: { clocks: ClockView[] | undefined; onExtend?: (clock: ClockView) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const wide = width >= 760;
  const status = (c: ClockView) => (
    <>
      {CLOCK_STATUSES[c.status]}
      {c.extended && <Tag color="blue" style={{ marginInlineStart: 4 }}>已延长</Tag>}
      {c.onTime === false && <Tag color="red">超期办结</Tag>}
      {c.escalationLevel > 0 && <Tag color="volcano">{c.escalationLevel === 1 ? '已督办' : '已报法治办'}</Tag>}
    </>
  );
  const due = (c: ClockView) => <DueTag due={c.due} light={c.status === 'paused' ? 'paused' : c.light} workingDaysLeft={c.workingDaysLeft} provisional={c.provisional} explanation={c.explanation.text} />;
  const extend = (c: ClockView) => onExtend && c.extendable && <a onClick={(e) => { e.stopPropagation(); onExtend(c); }}>延长</a>;
  return (
    <div ref={ref}>
      <Table<ClockView>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={clocks}
        expandable={{ expandedRowRender: (c) => <Explanation lines={c.explanation.text} />, expandRowByClick: true, columnWidth: 32 }}
        columns={
          wide
            ? [
                { title: '期限', dataIndex: 'label', width: 96 },
                { title: '规则', dataIndex: 'ruleName', ellipsis: true },
                { title: '起算日', dataIndex: 'start', width: 96 },
                { title: '届满日', width: 240, render: (_, c) => due(c) },
                { title: '状态', width: 110, render: (_, c) => status(c) },
                ...(onExtend ? [{ title: '', width: 50, render: (_: unknown, c: ClockView) => extend(c) }] : []),
              ]
            : [
                {
                  title: '期限',
                  render: (_, c) => (
                    <>
                      <div>{c.label}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.ruleName}（起算 {c.start}）</Typography.Text>
                    </>
                  ),
                },
                {
                  title: '届满日 / 状态',
                  width: 236,
                  render: (_, c) => (
                    <>
                      <div style={{ whiteSpace: 'normal' }}>{due(c)}</div>
                      <div style={{ marginTop: 2 }}>{status(c)} {extend(c)}</div>
                    </>
                  ),
                },
              ]
        }
      />
    </div>
  );
}

interface InputField {
  key: string;
  label: string;
  schema: any;
  /** code → Chinese label, for enums. */
  options: Record<string, string> | null;
  optional: boolean;
  /** A calendar date (isoDate): picked, sent as YYYY-MM-DD. */
  date: boolean;
  /** An amount kept in fen: entered in yuan. */
  money: boolean;
}

/** A form value as the transition's input takes it (a picked date as YYYY-MM-DD). */
const asInput = (f: InputField, value: unknown) => (f.date && value ? (value as Dayjs).format('YYYY-MM-DD') : f.money && typeof value === 'number' ? Math.round(value * 100) : value);

function inputFields(t: TransitionDef | undefined): InputField[] {
  const shape = (t?.input as any)?._zod?.def?.shape ?? {};
  return Object.entries(shape).map(([key, schema]: [string, any]) => {
    const optional = schema._zod?.def?.type === 'optional';
    const inner = optional ? schema._zod.def.innerType : schema;
    const meta = inner.meta?.() ?? schema.meta?.() ?? {};
    const options = inner._zod?.def?.type === 'enum' ? ((meta.options as Record<string, string>) ?? Object.fromEntries(Object.keys(inner._zod.def.entries).map((k) => [k, k]))) : null;
    return { key, label: meta.title ?? key, schema, options, optional, date: meta.format === 'date', money: meta.format === 'fen' };
  });
}

/**
 * `hint`: what this user can do about the record besides its transitions (a unit's self-assessment on
 * a scheme the law office runs); `blocked`: transitions the page knows the server refuses, with why
 * (a decision's procedures without evidence), disabled like those the workflow's own checks block.
 */
export function WorkflowPanel({ def, recordId, onChanged, hint, blocked }: { def: WorkflowDef; recordId: string; onChanged?: () => void; hint?: ReactNode; blocked?: Record<string, string | null> }) {
  const { message } = App.useApp();
  const { can } = useAuth();
  const client = useQueryClient();
  const panelKey = ['workflow', def.recordType, recordId];
  const panel = useQuery({ queryKey: panelKey, queryFn: () => get<WorkflowPanelView>(`/workflow/${def.recordType}/${recordId}`) });
  const files = useQuery({ queryKey: ['attachments', def.recordType, recordId], queryFn: () => get<{ items: AttachmentView[] }>(`/attachments?recordType=${def.recordType}&recordId=${recordId}`) });
  const [acting, setActing] = useState<AvailableTransition | null>(null);
  const [extending, setExtending] = useState<ClockView | null>(null);
  const [approval, setApproval] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const refresh = () => {
    client.invalidateQueries({ queryKey: panelKey });
    client.invalidateQueries({ queryKey: ['attachments', def.recordType, recordId] });
    onChanged?.();
  };

  const submit = async () => {
    if (!acting || !panel.data) return;
    let values: Record<string, any>;
    try {
      values = await form.validateFields();
    } catch {
      return; // each error is shown at its field
    }
    const fields = inputFields(def.transitions.find((t) => t.key === acting.key));
    setBusy(true);
    try {
      await post(`/workflow/${def.recordType}/${recordId}/transitions/${acting.key}`, {
        version: panel.data.version,
        note: values.note || undefined,
        date: values.date ? (values.date as Dayjs).format('YYYY-MM-DD') : undefined,
        values: fields.length ? Object.fromEntries(fields.map((f) => [f.key, asInput(f, values[f.key])])) : undefined,
      });
      message.success(`已${acting.label}`);
      setActing(null);
      form.resetFields();
      refresh();
    } catch (e) {
      // A refused date or value (办理日期不能早于收到日期) at its field, where it was typed.
      if (!showAtFields(form, e, (field) => field.replace(/^values\./, ''))) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const extend = async () => {
    if (!extending) return;
    try {
      await post(`/clocks/${extending.id}/extend`, { version: extending.version, approval });
      message.success(`已延长${extending.label}`);
      setExtending(null);
      setApproval('');
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const upload = async (file: File) => {
    const body = new FormData();
    body.append('recordType', def.recordType);
    body.append('recordId', recordId);
    body.append('file', file);
    try {
      await post('/attachments', body);
      message.success(`已上传 ${file.name}`);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
    return false;
  };

  const data = panel.data;
  const actingDef = def.transitions.find((t) => t.key === acting?.key);
  // Two columns where the panel is wide, one below the other where it is narrow (a phone, a side
  // column): by the panel's own width (styles.css, .workflow-panel), not the window's.
  return (
    <div className="workflow-host">
    <div className="workflow-panel">
      <div>
        <Card size="small" title="办理" style={{ marginBottom: 12 }} loading={panel.isLoading}>
          <Space wrap>
            <span>当前状态：</span>
            {data && <StatusTag def={def} status={data.status} testId="workflow-status" />}
            {data?.transitions.map((t, i) => {
              const reasons = blocked?.[t.key] ? [...t.blockedBy, blocked[t.key]] : t.blockedBy;
              return (
                <Tooltip key={t.key} title={reasons.length ? reasons.join('；') : undefined}>
                  <Button size="small" type={i === 0 && !t.danger ? 'primary' : 'default'} danger={t.danger} disabled={reasons.length > 0} onClick={() => setActing(t)} data-testid={`transition-${t.key}`}>
                    {t.label}
                  </Button>
                </Tooltip>
              );
            })}
            {data && data.transitions.length === 0 && !hint && <Typography.Text type="secondary">当前没有您可执行的操作</Typography.Text>}
          </Space>
          {hint && <div style={{ marginTop: 8 }} data-testid="workflow-hint">{hint}</div>}
        </Card>
        {/* A record without steps or clocks (a notice, an audit project) has no deadlines to show. */}
        {(def.transitions.length > 0 || (data?.clocks.length ?? 0) > 0) && (
          <Card size="small" title="期限" style={{ marginBottom: 12 }}>
            <ClockTable clocks={data?.clocks} onExtend={can('clock.extend') ? setExtending : undefined} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>点击一行查看计算过程（规则依据、跳过的节假日、计入的调休上班日、暂停）。</Typography.Text>
          </Card>
        )}
        <Card
          size="small"
          title={<><PaperClipOutlined /> 台账材料</>}
          extra={can('attachment.upload') && data && !data.readOnly && <Space size={8}><GenerateDocuments recordType={def.recordType} recordId={recordId} onMade={refresh} /><Upload beforeUpload={upload} showUploadList={false}><Button size="small" icon={<UploadOutlined />}>上传材料</Button></Upload></Space>}
        >
          <List
            size="small"
            dataSource={files.data?.items}
            locale={{ emptyText: '尚无台账材料' }}
            renderItem={(f) => (
              <List.Item>
                <a href={`/api/v1/attachments/${f.id}/download`}>{f.filename}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.uploadedByName} · {chinaTime(f.uploadedAt).slice(0, 16)} · {(f.size / 1024).toFixed(1)} KB
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </div>
      <div>
        <Card size="small" title="办理时间线">
          <Timeline
            items={(data?.timeline ?? []).map((e) => ({
              color: e.action.startsWith('clock.escalate') ? 'red' : e.action.startsWith('clock') ? 'gray' : 'blue',
              children: (
                <div style={{ fontSize: 13 }}>
                  <div>
                    <b>{e.label}</b>
                    {e.toStatus && e.fromStatus && <Typography.Text type="secondary">（{def.states[e.fromStatus]?.label ?? e.fromStatus} → {def.states[e.toStatus]?.label ?? e.toStatus}）</Typography.Text>}
                  </div>
                  {e.note && <div style={{ color: '#555' }}>{e.note}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.actorName} · {chinaTime(e.at).slice(0, 16)}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </Card>
      </div>
      <Modal open={!!extending} title={`延长${extending?.label ?? ''}`} onCancel={() => setExtending(null)} onOk={extend} okText="延长" okButtonProps={{ disabled: !approval.trim() }} destroyOnHidden>
        <Typography.Paragraph type="secondary">依据：{extending?.explanation.rule.citation}。延长只能办理一次，须写明批准情况。</Typography.Paragraph>
        <Input placeholder="批准人、批准文号（如：复议机构负责人批准，示复延〔2026〕3号）" value={approval} onChange={(e) => setApproval(e.target.value)} maxLength={200} />
      </Modal>
      <Modal open={!!acting} title={acting?.label} onCancel={() => setActing(null)} onOk={submit} confirmLoading={busy} okText="确定" destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {inputFields(actingDef).map((f, i) => (
            <Form.Item key={f.key} name={f.key} label={f.label} rules={[zodRule(f.schema, (v) => asInput(f, v))]} required={!f.optional}>
              {f.date ? (
                <DateInput autoFocus={i === 0} style={{ width: '100%' }} />
              ) : f.money ? (
                <InputNumber min={0.01} precision={2} addonAfter="元" autoFocus={i === 0} style={{ width: 200 }} data-testid={`input-${f.key}`} />
              ) : f.options ? (
                <Select options={Object.entries(f.options).map(([value, label]) => ({ value, label }))} autoFocus={i === 0} data-testid={`input-${f.key}`} />
              ) : (
                <Input.TextArea rows={f.optional ? 2 : 4} autoFocus={i === 0} />
              )}
            </Form.Item>
          ))}
          <Form.Item name="note" label="说明" rules={acting?.noteRequired ? [{ required: true, message: `执行「${acting.label}」须填写说明` }] : []}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="date" label="办理日期" extra="期限按此日期计算暂停、恢复与停止；不填为今天" rules={[{ validator: async (_, d?: Dayjs) => { if (d && afterToday(d)) throw new Error('办理日期不能晚于今天'); } }]}>
            <DateInput placeholder="今天" disabledDate={afterToday} />
          </Form.Item>
          {acting && acting.evidence > 0 && <Descriptions size="small" column={1} items={[{ key: 'e', label: '台账材料', children: `需至少 ${acting.evidence} 份（已满足）` }]} />}
        </Form>
      </Modal>
    </div>
    </div>
  );
}
