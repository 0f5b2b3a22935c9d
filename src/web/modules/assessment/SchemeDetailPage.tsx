// A scheme's page: its tree of lines (the editor while drafting, with the points per category), the
// units × lines scoring matrix (keyboard: Enter/↓ next unit, ↑ previous, Tab next line), score cards
// (self-assessment and objections), the objections and their answers, the results with a chart by
// category and the .xlsx / .docx downloads; the campaign's steps in the workflow panel below.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, FileWordOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { del, download, get, post, put } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ListTable } from '../../components/ListCard.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { LINE_METHODS, type EvidenceFile, type EvidenceSide, type LineView, type ObjectionView, type SchemeDetail, type UnitResult } from '../../../shared/schemas/assessment.ts';
import { SCHEME_PAGES } from './pages.ts';
import { IndicatorRecordsDrawer } from '../../components/IndicatorRecords.tsx';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const API = '/assessment-schemes';
const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'gold', 不合格: 'red' };
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100));
const pct = (n: number | null | undefined) => (n === null || n === undefined ? '无数据' : Math.abs(n) <= 1 && !Number.isInteger(n) ? `${(n * 100).toFixed(1)}%` : String(n));

type TreeLine = LineView & { children?: TreeLine[] };
function treeOf(lines: readonly LineView[]): TreeLine[] {
  const byParent = new Map<string | null, TreeLine[]>();
  for (const l of lines) byParent.set(l.parentId, [...(byParent.get(l.parentId) ?? []), { ...l }]);
  const attach = (l: TreeLine): TreeLine => {
    const kids = byParent.get(l.id);
    return kids?.length ? { ...l, children: kids.map(attach) } : l;
  };
  return (byParent.get(null) ?? []).map(attach);
}

function LineEditor({ scheme, line, parentId, onClose, onSaved }: { scheme: SchemeDetail; line: LineView | null; parentId: string | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const method = Form.useWatch('method', form);
  const parents = scheme.lines.filter((l) => l.level < 3 && l.id !== line?.id);
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      parentId: v.parentId ?? null,
      code: v.code,
      title: v.title,
      ...(v.points !== null && v.points !== undefined ? { points: v.points } : {}),
      method: v.method ?? null,
      indicator: v.indicator || null,
      formula: v.formula || null,
      categories: (v.categories ?? []).join(';') || null,
      standard: v.standard || null,
      evidence: v.evidence || null,
      reportLine: v.method === 'manual' && Boolean(v.reportLine),
    };
    const ok = await run(() => (line ? put(`/assessment-lines/${line.id}`, { ...body, version: line.version }) : post(`${API}/${scheme.id}/lines`, body)), line ? '已保存' : '已添加');
    if (ok) onSaved();
  };
  const categories = scheme.pointsByCategory.map((c) => ({ value: c.category, label: c.category }));
  return (
    <Modal open title={line ? `修改指标 ${line.code}` : '添加考评指标'} okText="保存" confirmLoading={busy} onOk={submit} onCancel={onClose} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={line ? { ...line, categories: line.categories ?? [] } : { parentId, method: 'manual', categories: [] }}
      >
        <Space.Compact block>
          <Form.Item name="code" label="指标编码" required style={{ width: 140 }} rules={[{ required: true, message: '请填写指标编码' }]}><Input placeholder="如 1.2" /></Form.Item>
          <Form.Item name="title" label="指标名称" required style={{ flex: 1 }} rules={[{ required: true, message: '请填写指标名称' }]}><Input /></Form.Item>
        </Space.Compact>
        <Form.Item name="parentId" label="上级指标（留空为一级指标）">
          <Select allowClear options={parents.map((p) => ({ value: p.id, label: `${'　'.repeat(p.level - 1)}${p.code} ${p.title}` }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="method" label="评分方式（有下级的指标不评分）" style={{ flex: 1 }}>
            <Select allowClear options={Object.entries(LINE_METHODS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="points" label="分值" style={{ width: 140 }}><InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        {(method === 'computed' || method === 'deduction' || method === 'bonus' || method === 'veto') && (
          <Space.Compact block>
            <Form.Item name="indicator" label="关联指标代码" style={{ width: 260 }} extra="如 tasks.completion_rate"><Input /></Form.Item>
            <Form.Item name="formula" label="计分公式" style={{ flex: 1 }} extra={method === 'veto' ? '条件，如 value > 0' : '变量 value、points，如 points * value、max(0, points - 2 * value)'}><Input /></Form.Item>
          </Space.Compact>
        )}
        <Form.Item name="categories" label="适用类别（不选为全部）"><Select mode="multiple" options={categories} /></Form.Item>
        <Form.Item name="standard" label="评分标准"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="evidence" label="佐证材料"><Input maxLength={1000} /></Form.Item>
        {method === 'manual' && (
          <Form.Item name="reportLine" label="述法评分项" valuePropName="checked" extra="勾选后，评分矩阵和成绩单在该项旁显示各单位本年度述法报告的状态和链接">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function LinesTab({ scheme, refresh }: { scheme: SchemeDetail; refresh: () => void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const editable = can('assessment.manage') && scheme.status === 'draft';
  const [editing, setEditing] = useState<{ line: LineView | null; parentId: string | null } | null>(null);
  const tree = useMemo(() => treeOf(scheme.lines), [scheme.lines]);
  return (
    <>
      {scheme.pointsProblem ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={scheme.pointsProblem} /> : <Alert type="success" showIcon style={{ marginBottom: 8 }} message={`各类别基础指标分值合计均为满分 ${scheme.fullPoints} 分`} />}
      <Space style={{ marginBottom: 8 }} wrap>
        {scheme.pointsByCategory.map((c) => (
          <Tag key={c.category} color={c.points === scheme.fullPoints ? 'green' : 'orange'}>{c.category}：基础分 {c.points} / {scheme.fullPoints}，计入绩效权重 {(c.weight * 100).toFixed(1)}%</Tag>
        ))}
        {editable && <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ line: null, parentId: null })}>添加一级指标</Button>}
      </Space>
      <Table<TreeLine>
        size="small"
        rowKey="id"
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: '指标', key: 'title', render: (_, l) => <span style={{ fontWeight: l.leaf ? 400 : 600 }}>{l.code} {l.title}</span> },
          { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
          { title: '评分方式', key: 'method', width: 100, render: (_, l) => (l.methodLabel ? <><Tag color={l.method === 'veto' ? 'red' : l.method === 'computed' ? 'blue' : undefined}>{l.methodLabel}</Tag>{l.reportLine && <Tag color="gold">述法</Tag>}</> : null) },
          { title: '关联指标与公式', key: 'formula', width: 280, render: (_, l) => (l.indicator ? <Tooltip title={`指标代码 ${l.indicator}`}><span>{l.indicatorName ?? '未知指标'}{l.formula ? <>：<Typography.Text code>{l.formula}</Typography.Text></> : null}</span></Tooltip> : null) },
          { title: '适用类别', key: 'categories', width: 100, render: (_, l) => l.categories?.join('、') ?? '全部' },
          { title: '评分标准', dataIndex: 'standard', ellipsis: true },
          ...(editable
            ? [{
                title: '操作',
                key: 'ops',
                width: 170,
                render: (_: unknown, l: TreeLine) => (
                  <Space size={8}>
                    <a onClick={() => setEditing({ line: l, parentId: l.parentId })}>修改</a>
                    {l.level < 3 && <a onClick={() => setEditing({ line: null, parentId: l.id })}>添加下级</a>}
                    <Popconfirm title={`删除指标 ${l.code}？`} onConfirm={async () => { try { await del(`/assessment-lines/${l.id}`); refresh(); } catch (e) { message.error((e as Error).message); } }}>
                      <a>删除</a>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <LineEditor scheme={scheme} line={editing.line} parentId={editing.parentId} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); refresh(); }} />}
    </>
  );
}

interface ReportLink { id: string; status: string; statusLabel: string; link: string }
interface MatrixCell { score: number | null; assessorScore: number | null; selfScore: number | null; reason: string | null; version: number; value?: number | null; applies: boolean; files: number; report?: ReportLink | null }

/** A unit's 述法 report beside a 述法 line: its status, opening the report; 未提交 when there is none. */
function ReportTag({ report }: { report: ReportLink | null | undefined }) {
  if (!report) return <Tag color="red" style={{ marginInlineEnd: 0, fontSize: 11 }}>述法未提交</Tag>;
  return (
    <Link to={report.link} title="查看述法报告">
      <Tag color={report.status === 'reviewed' ? 'green' : report.status === 'submitted' ? 'blue' : 'default'} style={{ marginInlineEnd: 0, fontSize: 11 }}>述法{report.statusLabel}</Tag>
    </Link>
  );
}
interface Matrix { status: string; leaves: LineView[]; units: { unitId: string; unitCode: string; unitName: string; category: string; total: number; grade: string; rank: number; vetoed: boolean; cells: Record<string, MatrixCell> }[] }

function MatrixTab({ scheme }: { scheme: SchemeDetail }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = [API, scheme.id, 'matrix'];
  const matrix = useQuery({ queryKey: key, queryFn: () => get<Matrix>(`${API}/${scheme.id}/matrix`) });
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const table = useRef<HTMLDivElement>(null);
  const editable = can('assessment.score') && ['published', 'scoring'].includes(scheme.status);
  const units = (matrix.data?.units ?? []).filter((u) => !category || u.category === category);
  /** Saves a cell; a refused score is put back to the saved one (and the server's reason shown). */
  const save = async (input: HTMLInputElement, unitId: string, line: LineView, before: number | null, version: number) => {
    const text = input.value.trim();
    const value = text === '' ? null : Number(text);
    if (value === before) return;
    try {
      await put(`${API}/${scheme.id}/scores`, { unitId, lineId: line.id, score: value, reason: reason || null, version });
      void client.invalidateQueries({ queryKey: key });
    } catch (e) {
      input.value = before === null ? '' : String(before);
      message.error((e as Error).message);
    }
  };
  // Enter / ↓: the same line of the next unit; ↑: of the previous one (Tab moves along the lines).
  const move = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const step = e.key === 'Enter' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    table.current?.querySelector<HTMLInputElement>(`input[data-cell="${row + step}:${col}"]`)?.focus();
  };
  return (
    <>
      <ErrorNotice error={matrix.error} />
      <Space style={{ marginBottom: 8 }} wrap>
        <Radio.Group size="small" value={category ?? ''} onChange={(e) => setCategory(e.target.value || undefined)} options={[{ value: '', label: '全部' }, ...scheme.pointsByCategory.map((c) => ({ value: c.category, label: c.category }))]} optionType="button" />
        {editable && <Input size="small" style={{ width: 360 }} placeholder="评分理由（未得满分、加扣分、否决时必填，随每次评分保存）" value={reason} onChange={(e) => setReason(e.target.value)} />}
        <Typography.Text type="secondary">{editable ? '输入得分后回车或 ↓ 到下一单位，Tab 到下一指标；离开单元格即保存' : '蓝色为指标计算项（按指标值自动计分），“—”为不适用'}</Typography.Text>
      </Space>
      <div ref={table}>
        <Table
          size="small"
          rowKey="unitId"
          loading={matrix.isLoading}
          dataSource={units}
          pagination={false}
          scroll={{ x: 'max-content', y: 560 }}
          columns={[
            { title: '单位', dataIndex: 'unitName', fixed: 'left', width: 200, ellipsis: true },
            ...(matrix.data?.leaves ?? []).map((l, col) => ({
              title: <Tooltip title={`${l.title}（${l.methodLabel}${l.indicatorName ? `，${l.indicatorName}` : ''}）`}><span>{l.code}<br /><small>{l.points}分</small></span></Tooltip>,
              key: l.id,
              width: 84,
              align: 'center' as const,
              render: (_: unknown, u: Matrix['units'][number], row: number) => {
                const c = u.cells[l.id]!;
                const cellBody = () => {
                  if (!c.applies) return <span style={{ color: '#bbb' }}>—</span>;
                  if (l.method === 'computed' || !editable) {
                    const text = c.score === null ? '不适用' : l.method === 'veto' ? (c.score ? '否决' : '') : fmt(c.score);
                    return <span title={l.indicator ? `指标值：${pct(c.value)}` : (c.reason ?? undefined)} style={{ color: l.method === 'computed' ? '#1677ff' : l.method === 'veto' && c.score ? '#cf1322' : undefined }}>{text}</span>;
                  }
                  return (
                    // A plain input per cell: several hundred antd InputNumbers made the matrix take seconds to draw.
                    <input
                      className="ant-input ant-input-sm"
                      style={{ width: 64, textAlign: 'right' }}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={l.method === 'veto' ? 1 : l.points}
                      step={l.method === 'veto' ? 1 : 0.5}
                      defaultValue={c.assessorScore ?? undefined}
                      placeholder={c.selfScore !== null ? `自${c.selfScore}` : undefined}
                      title={c.reason ?? undefined}
                      data-cell={`${row}:${col}`}
                      aria-label={`${u.unitName} ${l.code} 得分`}
                      onKeyDown={(e) => move(e, row, col)}
                      onBlur={(e) => void save(e.target, u.unitId, l, c.assessorScore, c.version)}
                    />
                  );
  };
                const body = cellBody();
                // Evidence on the cell (the unit's or an assessor's): a clip with the count; the files are on the score card.
                const files = c.applies && c.files > 0 ? <Tooltip title={`佐证材料 ${c.files} 份（见成绩单）`}><span style={{ fontSize: 11, color: '#8c8c8c' }}><PaperClipOutlined />{c.files}</span></Tooltip> : null;
                return (l.reportLine && c.applies) || files ? <Space direction="vertical" size={2}>{body}{files}{l.reportLine && c.applies && <ReportTag report={c.report} />}</Space> : body;
              },
            })),
            { title: '总分', dataIndex: 'total', fixed: 'right', width: 70, align: 'right' },
            { title: '等次', key: 'grade', fixed: 'right', width: 80, render: (_, u) => <Tag color={GRADE_COLORS[u.grade]}>{u.grade}</Tag> },
          ]}
        />
      </div>
    </>
  );
}

interface CardLine extends LineView { score: number | null; selfScore: number | null; reason: string | null; files: EvidenceFile[]; report?: ReportLink | null; value?: number | null; valueNow?: number | null; changedSince?: boolean; applies: boolean; link: string | null; objection: { id: string; status: string; statusLabel: string; reason: string; answer: string | null } | null }
interface Card { schemeTitle: string; status: string; result: UnitResult; lines: CardLine[]; objectionDue: string | null; canObject: boolean }

function CardTab({ scheme, units }: { scheme: SchemeDetail; units: { value: string; label: string }[] }) {
  const { can, me } = useAuth();
  const client = useQueryClient();
  const own = !can('assessment.score');
  const [unitId, setUnitId] = useState<string | undefined>(own ? me?.unit.id : undefined);
  const key = [API, scheme.id, 'card', unitId];
  const card = useQuery({ queryKey: key, queryFn: () => get<Card>(`${API}/${scheme.id}/card?unitId=${unitId}`), enabled: Boolean(unitId) });
  const [acting, setActing] = useState<{ line: CardLine; kind: 'self' | 'objection' } | null>(null);
  const [drill, setDrill] = useState<IndicatorValue | null>(null);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const selfOpen = can('assessment.self') && ['published', 'scoring'].includes(scheme.status);
  const scoring = can('assessment.score') && ['published', 'scoring'].includes(scheme.status);
  const { message } = App.useApp();
  /** Uploads a file as the unit's (the attachments' data scope), then links it to the line's score as evidence. */
  const attach = async (line: CardLine, side: EvidenceSide, file: File) => {
    if (!unitId) return;
    try {
      const body = new FormData();
      body.append('unitId', unitId);
      body.append('file', file);
      const uploaded = await post<{ id: string }>('/attachments', body);
      await post(`${API}/${scheme.id}/evidence`, { unitId, lineId: line.id, side, attachmentId: uploaded.id });
      message.success(`已上传佐证材料 ${file.name}`);
      void client.invalidateQueries({ queryKey: [API, scheme.id] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const submit = async () => {
    if (!acting || !unitId) return;
    const v = await form.validateFields();
    const ok = await run(
      () => (acting.kind === 'self' ? put(`${API}/${scheme.id}/self-scores`, { unitId, lineId: acting.line.id, score: v.score ?? null, reason: v.reason || null, version: acting.line.version ?? 0 }) : post(`${API}/${scheme.id}/objections`, { unitId, lineId: acting.line.id, reason: v.reason })),
      acting.kind === 'self' ? '自评已保存' : '异议已提交',
    );
    if (!ok) return;
    setActing(null);
    void client.invalidateQueries({ queryKey: [API, scheme.id] });
  };
  const r = card.data?.result;
  return (
    <>
      {!own && <Select showSearch optionFilterProp="label" style={{ width: 320, marginBottom: 8 }} placeholder="选择单位查看成绩单" value={unitId} onChange={setUnitId} options={units} />}
      <ErrorNotice error={card.error} />
      {r && (
        <Descriptions size="small" bordered column={4} style={{ marginBottom: 8 }}>
          <Descriptions.Item label="单位">{r.unitName}</Descriptions.Item>
          <Descriptions.Item label="总分"><b>{fmt(r.total)}</b>（基础分 {fmt(r.base)}，加分 {fmt(r.bonus)}，扣分 {fmt(r.deduction)}）</Descriptions.Item>
          <Descriptions.Item label="等次"><Tag color={GRADE_COLORS[r.grade]}>{r.grade}</Tag>{r.vetoed && <Tag color="red">一票否决</Tag>}</Descriptions.Item>
          <Descriptions.Item label={`${r.category}排名`}>第 {r.rank} 名 · 计入绩效 {r.contribution} 分</Descriptions.Item>
          {card.data?.objectionDue && <Descriptions.Item label="异议期至" span={4}>{card.data.objectionDue}{card.data.canObject ? '（可对每项指标提出一次异议）' : '（已届满）'}</Descriptions.Item>}
        </Descriptions>
      )}
      {card.data && (
        <Table<CardLine>
          size="small"
          rowKey="id"
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 1150 }}
          dataSource={card.data.lines.filter((l) => l.applies)}
          columns={[
            { title: '指标', key: 'title', width: 280, render: (_, l) => <span style={{ paddingLeft: (l.level - 1) * 16, fontWeight: l.leaf ? 400 : 600 }}>{l.code} {l.title}{l.reportLine && <span style={{ marginInlineStart: 6 }}><ReportTag report={l.report} /></span>}</span> },
            { title: '分值', dataIndex: 'points', width: 60, align: 'right' },
            { title: '得分', key: 'score', width: 80, align: 'right', render: (_, l) => (!l.leaf ? null : l.method === 'veto' ? (l.score ? <Tag color="red">否决</Tag> : '未触发') : l.score === null ? <Tag>不适用</Tag> : fmt(l.score)) },
            { title: '自评', key: 'self', width: 60, align: 'right', render: (_, l) => fmt(l.selfScore) },
            { title: '指标值', key: 'value', width: 120, render: (_, l) => l.indicator && (
              <Space size={4}>
                <a onClick={() => setDrill({ code: l.indicator!, name: `${l.code} ${l.title}（${l.indicatorName ?? l.indicator}）`, measure: '', kind: Number.isInteger(l.value ?? 0) ? 'count' : 'rate', definition: l.standard ?? '', value: l.value ?? null, lastYear: null, yoy: null, better: null })}>{pct(l.value)}</a>
                {l.changedSince && <Tooltip title={`定稿后该指标已变为 ${pct(l.valueNow)}，得分不随之变化`}><Tag color="orange">已变化</Tag></Tooltip>}
              </Space>
            ) },
            { title: '评分理由', dataIndex: 'reason', width: 160, ellipsis: true },
            {
              title: '佐证材料',
              key: 'files',
              width: 180,
              ellipsis: true,
              render: (_, l) =>
                l.files.length > 0 && (
                  <Space direction="vertical" size={0}>
                    {l.files.map((f) => (
                      <span key={f.id}>
                        <Tag color={f.side === 'self' ? 'blue' : 'purple'} style={{ marginInlineEnd: 4 }}>{f.side === 'self' ? '自评' : '考评'}</Tag>
                        <a href={`/api/v1/attachments/${f.id}/download`}>{f.filename}</a>
                      </span>
                    ))}
                  </Space>
                ),
            },
            { title: '异议', key: 'objection', width: 80, render: (_, l) => l.objection ? <Tooltip title={l.objection.answer ? `答复：${l.objection.answer}` : l.objection.reason}><Tag color={l.objection.status === 'upheld' ? 'green' : l.objection.status === 'open' ? 'orange' : undefined}>{l.objection.statusLabel}</Tag></Tooltip> : null },
            {
              title: '操作',
              key: 'ops',
              width: 130,
              render: (_, l) => (
                <Space size={8} wrap>
                  {selfOpen && l.leaf && ['manual', 'bonus', 'deduction'].includes(l.method ?? '') && <a onClick={() => { form.setFieldsValue({ score: l.selfScore, reason: '' }); setActing({ line: l, kind: 'self' }); }}>自评</a>}
                  {(selfOpen || scoring) && l.leaf && ['manual', 'bonus', 'deduction', 'veto'].includes(l.method ?? '') && !(selfOpen && l.method === 'veto') && (
                    <Upload showUploadList={false} beforeUpload={(file) => { void attach(l, selfOpen ? 'self' : 'assessor', file); return false; }}>
                      <a data-testid={`evidence-${l.code}`}>上传佐证</a>
                    </Upload>
                  )}
                  {card.data?.canObject && can('assessment.self') && l.leaf && l.method && !l.objection && <a onClick={() => { form.resetFields(); setActing({ line: l, kind: 'objection' }); }}>提出异议</a>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <IndicatorRecordsDrawer indicator={drill} year={scheme.year} unit={r?.unitCode} onClose={() => setDrill(null)} />
      {acting && (
        <Modal open title={acting.kind === 'self' ? `自评：${acting.line.code} ${acting.line.title}` : `对 ${acting.line.code} ${acting.line.title} 提出异议`} okText="提交" confirmLoading={busy} onOk={submit} onCancel={() => setActing(null)} destroyOnHidden>
          <Form form={form} layout="vertical">
            {acting.kind === 'self' && <Form.Item name="score" label={`自评得分（满分 ${acting.line.points}）`}><InputNumber min={0} max={acting.line.points} step={0.5} /></Form.Item>}
            <Form.Item name="reason" label={acting.kind === 'self' ? '自评说明' : '异议理由'} rules={acting.kind === 'objection' ? [{ required: true, message: '请填写异议理由' }] : []}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

function ObjectionsTab({ scheme, refresh }: { scheme: SchemeDetail; refresh: () => void }) {
  const { can } = useAuth();
  const client = useQueryClient();
  const key = [API, scheme.id, 'objections'];
  const list = useQuery({ queryKey: key, queryFn: () => get<{ items: ObjectionView[] }>(`${API}/${scheme.id}/objections`) });
  const [answering, setAnswering] = useState<ObjectionView | null>(null);
  const [form] = Form.useForm();
  const upheld = Form.useWatch('upheld', form);
  const { busy, run } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await run(() => post(`/assessment-objections/${answering!.id}/answer`, { upheld: Boolean(v.upheld), answer: v.answer, ...(v.upheld ? { score: v.score } : {}) }), '已答复'))) return;
    setAnswering(null);
    void client.invalidateQueries({ queryKey: [API, scheme.id] });
    refresh();
  };
  return (
    <>
      <ListTable<ObjectionView>
        loading={list.isLoading}
        rows={list.data?.items}
        error={list.error}
        empty="暂无异议"
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 200 },
          { title: '指标', key: 'line', width: 220, render: (_, o) => `${o.lineCode} ${o.lineTitle}` },
          { title: '异议理由', dataIndex: 'reason', ellipsis: true },
          { title: '原得分', dataIndex: 'oldScore', width: 70, align: 'right', render: fmt },
          { title: '状态', key: 'status', width: 90, render: (_, o) => <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'green' : undefined}>{o.statusLabel}</Tag> },
          { title: '答复', key: 'answer', ellipsis: true, render: (_, o) => (o.answer ? `${o.answer}${o.newScore !== null ? `（调整为 ${o.newScore} 分）` : ''}` : null) },
          { title: '操作', key: 'ops', width: 70, render: (_, o) => can('assessment.manage') && o.status === 'open' && scheme.status === 'preliminary' && <a onClick={() => { form.resetFields(); setAnswering(o); }}>答复</a> },
        ]}
      />
      {answering && (
        <Modal open title={`答复异议：${answering.unitName} · ${answering.lineCode}`} okText="答复" confirmLoading={busy} onOk={submit} onCancel={() => setAnswering(null)} destroyOnHidden>
          <Typography.Paragraph type="secondary">{answering.reason}</Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={{ upheld: false }}>
            <Form.Item name="upheld" label="是否采纳" valuePropName="checked"><Switch checkedChildren="采纳" unCheckedChildren="不采纳" /></Form.Item>
            {upheld && <Form.Item name="score" label="调整后得分" rules={[{ required: true, message: '采纳异议的须填写调整后得分' }]}><InputNumber min={0} step={0.5} /></Form.Item>}
            <Form.Item name="answer" label="答复意见" rules={[{ required: true, message: '请填写答复意见' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

function ResultsTab({ scheme }: { scheme: SchemeDetail }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const results = useQuery({ queryKey: [API, scheme.id, 'results'], queryFn: () => get<{ frozen: boolean; items: UnitResult[] }>(`${API}/${scheme.id}/results`) });
  const items = results.data?.items ?? [];
  const categories = [...new Set(items.map((r) => r.category))];
  const grades = ['优秀', '良好', '合格', '不合格'];
  const average = (c: string) => {
    const of = items.filter((r) => r.category === c);
    return of.length ? Math.round((of.reduce((s, r) => s + r.total, 0) / of.length) * 100) / 100 : 0;
  };
  const fetchFile = async (path: string, name: string) => {
    try {
      await download(`${API}/${scheme.id}/results/${path}`, name);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <ErrorNotice error={results.error} />
      <Space style={{ marginBottom: 8 }}>
        {results.data && <Tag color={results.data.frozen ? 'green' : 'blue'}>{results.data.frozen ? '最终结果（已定稿，分数冻结）' : '按当前数据计算（未定稿）'}</Tag>}
        <Button size="small" icon={<DownloadOutlined />} onClick={() => fetchFile('export', '考评得分表.xlsx')}>导出得分表（.xlsx）</Button>
        {can('assessment.manage') && <Button size="small" icon={<FileWordOutlined />} onClick={() => fetchFile('notice', '考评结果通报.docx')}>生成结果通报（.docx）</Button>}
      </Space>
      {items.length > 1 && (
        <ReactEChartsCore
          echarts={echarts}
          style={{ height: 260 }}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { data: [...grades, '平均分'] },
            grid: { left: 40, right: 50, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: categories },
            yAxis: [{ type: 'value', name: '单位数', minInterval: 1 }, { type: 'value', name: '平均分', min: 0, max: 100 }],
            series: [
              ...grades.map((g) => ({ name: g, type: 'bar', stack: 'grade', data: categories.map((c) => items.filter((r) => r.category === c && r.grade === g).length), itemStyle: { color: { 优秀: '#52c41a', 良好: '#1677ff', 合格: '#faad14', 不合格: '#ff4d4f' }[g] } })),
              { name: '平均分', type: 'bar', yAxisIndex: 1, data: categories.map(average), itemStyle: { color: '#8c8c8c' }, barWidth: 18 },
            ],
          }}
        />
      )}
      <Table<UnitResult>
        size="small"
        rowKey="unitId"
        loading={results.isLoading}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '考评类别', dataIndex: 'category', width: 90 },
          { title: '排名', dataIndex: 'rank', width: 60, align: 'right' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '基础分', dataIndex: 'base', width: 80, align: 'right', render: fmt },
          { title: '加分', dataIndex: 'bonus', width: 60, align: 'right', render: fmt },
          { title: '扣分', dataIndex: 'deduction', width: 60, align: 'right', render: fmt },
          { title: '总分', dataIndex: 'total', width: 80, align: 'right', render: (n: number) => <b>{fmt(n)}</b> },
          { title: '等次', key: 'grade', width: 140, render: (_, r) => <Space size={4}><Tag color={GRADE_COLORS[r.grade]}>{r.grade}</Tag>{r.vetoed && <Tag color="red">一票否决</Tag>}</Space> },
          { title: '计入绩效分', dataIndex: 'contribution', width: 100, align: 'right' },
        ]}
      />
    </>
  );
}

function SchemeSections({ scheme, refresh }: { scheme: SchemeDetail; refresh: () => void }) {
  const { can } = useAuth();
  const results = useQuery({ queryKey: [API, scheme.id, 'results'], queryFn: () => get<{ frozen: boolean; items: UnitResult[] }>(`${API}/${scheme.id}/results`), enabled: scheme.status !== 'draft' });
  const units = (results.data?.items ?? []).map((r) => ({ value: r.unitId, label: `${r.unitName}（${r.category}）` }));
  const started = scheme.status !== 'draft';
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Tabs
        defaultActiveKey={started ? (can('assessment.score') ? 'results' : 'card') : 'lines'}
        items={[
          { key: 'lines', label: `指标体系（${scheme.lines.filter((l) => l.leaf).length} 项）`, children: <LinesTab scheme={scheme} refresh={refresh} /> },
          ...(started
            ? [
                { key: 'matrix', label: '评分矩阵', children: <MatrixTab scheme={scheme} /> },
                { key: 'card', label: '成绩单', children: <CardTab scheme={scheme} units={units} /> },
                { key: 'objections', label: `异议${scheme.openObjections ? `（待答复 ${scheme.openObjections}）` : ''}`, children: <ObjectionsTab scheme={scheme} refresh={refresh} /> },
                { key: 'results', label: '考评结果', children: <ResultsTab scheme={scheme} /> },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function CopyButton({ scheme }: { scheme: SchemeDetail }) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { run } = useSubmit();
  return (
    <Button
      size="small"
      onClick={() =>
        modal.confirm({
          title: `复制为 ${scheme.year + 1} 年度方案？`,
          content: '复制指标体系（含分值、公式、适用类别），新方案为编制中，可继续修改。',
          onOk: async () => {
            let created: SchemeDetail | null = null;
            if (await run(async () => (created = await post<SchemeDetail>(`${API}/${scheme.id}/copy`, { year: scheme.year + 1 })), '已复制')) navigate(`/assessment/schemes/${created!.id}`);
          },
        })
      }
    >
      复制到下一年度
    </Button>
  );
}

/**
 * What a unit assessed can do on the campaign (its steps are the law office's, so the workflow panel
 * has no button for it): self-assess while the scheme is open, object within the window.
 */
/** Today in China (the objection window's dates are China's days). */
const chinaDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function UnitActions({ scheme }: { scheme: SchemeDetail }) {
  const { can } = useAuth();
  if (!can('assessment.self')) return null;
  const text =
    scheme.status === 'published' || scheme.status === 'scoring'
      ? '本单位可在下方「成绩单」中对人工评分、加分、扣分项逐项自评，并上传佐证材料；自评供考评参考，不代替考评得分。'
      : scheme.status === 'preliminary'
        ? scheme.objectionDue && scheme.objectionDue >= chinaDay()
          ? `初评结果已公布。异议期至 ${scheme.objectionDue}：本单位可在「成绩单」中对每项得分提出一次异议，法治办答复后定稿。`
          : `异议期已于 ${scheme.objectionDue ?? '—'} 届满，不能再提出异议；请等待法治办答复异议后定稿。`
        : scheme.status === 'final'
          ? '考评结果已定稿，可在「成绩单」中查看本单位的得分、等次和排名。'
          : null;
  return text && <Alert type="info" showIcon message={text} />;
}

export default function SchemeDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<SchemeDetail & { title: string }>
      pages={SCHEME_PAGES}
      tags={(s) => can('assessment.manage') && <CopyButton scheme={s} />}
      edit={{ only: ['title', 'fullPoints', 'categoryWeights', 'gradeBands'], title: '修改方案', may: (s) => can('assessment.manage') && s.status === 'draft' }}
      actionsHint={(s) => <UnitActions scheme={s} />}
      show={(s) => ({ gradeBands: (s as { gradeBands?: string | null }).gradeBands || '优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60（默认）' })}
      extra={(s) => [
        { label: '异议期至', value: s.objectionDue ?? '—' },
        { label: '待答复异议', value: s.openObjections },
      ]}
    >
      {(s, refresh) => <SchemeSections scheme={s} refresh={refresh} />}
    </DetailPage>
  );
}
