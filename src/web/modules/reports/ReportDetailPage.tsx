// The report editor: each section's narrative around figures that stay linked to their indicators.
// A figure is an atomic chip (click: the records behind it); when records change the chip turns
// red and the bar above offers to refresh. Ctrl+S saves; the server sanitises what it stores.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Form, Grid, Input, Row, Select, Space, Tooltip, Typography } from 'antd';
import { BoldOutlined, DownloadOutlined, ExportOutlined, FilePdfOutlined, OrderedListOutlined, SaveOutlined, SyncOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { download, get, post, put, query } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { IndicatorRecordsDrawer, showFigure } from '../../components/IndicatorRecords.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { useEditorKeys } from '../../components/useEditorKeys.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { ReportSignature } from '../../components/AnnualReportsPage.tsx';
import { RecordFields } from '../../components/records.tsx';
import { field, zodRule } from '../../components/zodRule.ts';
import { REPORT, REPORT_WORKFLOW, reportFileName, reportUpdateInput, type ReportDetail, type ReportFigure, type ReportSection } from '../../../shared/schemas/reports.ts';
import { figureMeasure, isRatio, type IndicatorValue } from '../../../shared/schemas/indicators.ts';

/** Marks the figure chips in an editor: not editable inside, red when stale, a tooltip with the value now. */
function decorate(root: HTMLElement, stale: Map<string, ReportFigure>) {
  root.querySelectorAll<HTMLElement>('span[data-figure]').forEach((el) => {
    el.contentEditable = 'false';
    el.classList.add('report-figure');
    const f = stale.get(`${el.dataset.figure}|${el.dataset.part}`);
    el.classList.toggle('stale', !!f);
    el.title = f ? `数字已过期：当前统计为 ${f.currentText}，点击查看记录` : '点击查看统计所依据的记录';
  });
}

function SectionEditor({ section, editable, stale, onDirty, onFigure, register }: { section: ReportSection; editable: boolean; stale: Map<string, ReportFigure>; onDirty: () => void; onFigure: (code: string) => void; register: (el: HTMLDivElement | null) => void }) {
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (ref.current) decorate(ref.current, stale);
  }, [stale, section.html]);
  const Heading = section.level === 1 ? 'h2' : 'h3';
  return (
    <div className="report-section">
      <Heading className={`report-heading level-${section.level}`}>{section.heading}</Heading>
      <div
        ref={(el) => {
          ref.current = el;
          register(el);
        }}
        className={`report-editor${editable ? ' editable' : ''}`}
        contentEditable={editable}
        suppressContentEditableWarning
        data-placeholder={section.guide}
        data-section={section.key}
        onInput={onDirty}
        onClick={(e) => {
          const chip = (e.target as HTMLElement).closest<HTMLElement>('span[data-figure]');
          if (chip) onFigure(chip.dataset.figure!);
        }}
        dangerouslySetInnerHTML={{ __html: section.html }}
      />
    </div>
  );
}

const command = (name: string, value?: string) => (e: React.MouseEvent) => {
  e.preventDefault(); // keep the selection in the editor
  document.execCommand(name, false, value);
};

// A draft's issuer and date of issue are edited in the header form: the fields do not show them twice.
const { issuer: _issuer, issuedDate: _issuedDate, ...notEdited } = REPORT.fields;
const REPORT_NOT_EDITED = { ...REPORT, fields: notEdited };

export default function ReportDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['annual-report', id], queryFn: () => get<ReportDetail>(`/annual-reports/${id}`) });
  const r = detail.data;
  const figures = useQuery({ queryKey: ['indicators', r?.year, r?.unitCode], enabled: !!r, queryFn: () => get<{ details: IndicatorValue[] }>(`/indicators${query({ year: r!.year, unit: r!.unitCode })}`) });
  const byCode = useMemo(() => new Map((figures.data?.details ?? []).map((d) => [d.code, d])), [figures.data]);
  const stale = useMemo(() => new Map((r?.figures ?? []).filter((f) => f.stale).map((f) => [`${f.code}|${f.part}`, f])), [r]);
  const editors = useRef(new Map<string, HTMLDivElement>());
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saving = useSubmit();
  const [drill, setDrill] = useState<IndicatorValue | null>(null);
  const [form] = Form.useForm();
  const editable = !!r && r.status === 'draft' && can('report.write');
  const wide = Grid.useBreakpoint().md;

  useEffect(() => {
    if (r && editable) form.setFieldsValue({ title: r.title, issuer: r.issuer, issuedDate: r.issuedDate ? dayjs(r.issuedDate) : null });
  }, [r, editable, form]);

  const reload = async (fresh?: ReportDetail) => {
    if (fresh) client.setQueryData(['annual-report', id], fresh);
    else await client.invalidateQueries({ queryKey: ['annual-report', id] });
    setDirty(false);
  };

  const save = async () => {
    if (!r || !editable) return;
    const values = await form.validateFields();
    setError(null);
    const sections = r.sections.map((s) => ({ key: s.key, html: editors.current.get(s.key)?.innerHTML ?? s.html }));
    await saving.run(async () => reload(await put<ReportDetail>(`/annual-reports/${id}`, { version: r.version, title: values.title, issuer: values.issuer, issuedDate: values.issuedDate ? (values.issuedDate as Dayjs).format('YYYY-MM-DD') : null, sections })), '已保存', setError);
  };

  const refresh = async () => {
    if (!r) return;
    if (dirty) {
      message.warning('请先保存正文，再刷新数字');
      return;
    }
    try {
      const res = await post<{ refreshed: number; report: ReportDetail }>(`/annual-reports/${id}/refresh`, { version: r.version });
      await reload(res.report);
      message.success(`已刷新 ${res.refreshed} 处数字`);
    } catch (e) {
      setError(e);
    }
  };

  // Where the caret last was in an editor: picking a figure from the list moves the focus away.
  const caret = useRef<Range | null>(null);
  useEffect(() => {
    const remember = () => {
      const selection = document.getSelection();
      const node = selection?.rangeCount ? selection.getRangeAt(0).startContainer : null;
      const element = node instanceof Element ? node : node?.parentElement;
      if (element?.closest('.report-editor.editable')) caret.current = selection!.getRangeAt(0).cloneRange();
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  const insertFigure = (code: string) => {
    const v = byCode.get(code);
    const range = caret.current;
    if (!v || !range) {
      message.info('请先在正文中点击要插入数字的位置');
      return;
    }
    const editor = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('.report-editor');
    editor?.focus();
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const text = `${showFigure(v, v.value)}${!isRatio(v.kind) ? figureMeasure(v) : ''}`;
    document.execCommand('insertHTML', false, `${v.name}<span data-figure="${v.code}" data-part="value" data-value="${v.value ?? ''}">${text}</span>`);
    if (editor) decorate(editor, stale);
    setDirty(true);
  };

  useEditorKeys(() => void save(), dirty);

  // On a phone the actions take a line of their own: beside the title they would hide it.
  const actions = r && (
    <Space wrap>
            {editable && <Button type="primary" size="small" icon={<SaveOutlined />} loading={saving.busy} disabled={!dirty && !form.isFieldsTouched()} onClick={save}>保存（Ctrl+S）</Button>}
            <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`/annual-reports/${id}/docx`, reportFileName(r, 'docx')).catch((e) => message.error(errorText(e)))}>导出 Word</Button>
            <Button size="small" icon={<FilePdfOutlined />} onClick={() => download(`/annual-reports/${id}/pdf`, reportFileName(r, 'pdf')).catch((e) => message.error(errorText(e)))}>导出 PDF</Button>
            {r.status === 'published' && <a href={`/public/reports/${id}`} target="_blank" rel="noreferrer"><ExportOutlined /> 公开页面</a>}
          </Space>
  );
  const staleFigures = (r?.figures ?? []).filter((f) => f.stale);
  // The same figure may stand in several places: list it once.
  const staleList = [...new Map(staleFigures.map((f) => [`${f.code}|${f.part}|${f.stored}`, f])).values()];
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/reports">年度报告</Link> }, { title: r ? `${r.unitName} ${r.year} 年` : '…' }]} />
      <ErrorNotice error={detail.error ?? error} />
      <Card
        size="small"
        loading={detail.isLoading}
        title={r && <Space>{r.unitName} {r.year} 年度法治政府建设情况报告<StatusTag def={REPORT_WORKFLOW} status={r.status} />{r.light && <DueTag due={r.due!} light={r.light} fixed />}</Space>}
        extra={wide && actions}
        style={{ marginBottom: 12 }}
      >
        {!wide && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
        {r && <RecordFields def={editable ? REPORT_NOT_EDITED : REPORT} view={r} extra={[{ label: REPORT.fields.publishDue.label, value: r.light ? <DueTag due={r.due!} light={r.light} fixed /> : (r.due ?? '—') }]} />}
        {r && editable && (
          <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onValuesChange={() => setDirty(true)}>
            <Form.Item name="title" label={REPORT.fields.title.label} required rules={[zodRule(field(reportUpdateInput, 'title'))]} style={{ flex: '1 1 420px' }}><Input /></Form.Item>
            <Form.Item name="issuer" label={REPORT.fields.issuer.label} required rules={[zodRule(field(reportUpdateInput, 'issuer'))]}><Input style={{ width: 220 }} /></Form.Item>
            <Form.Item name="issuedDate" label={REPORT.fields.issuedDate.label}><DatePicker /></Form.Item>
          </Form>
        )}
      </Card>
      {r && staleList.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`有 ${staleFigures.length} 处数字与最新统计不一致（起草后相关记录有变化）`}
          description={<Space wrap size={[12, 4]}>{staleList.slice(0, 12).map((f) => <span key={`${f.code}|${f.part}|${f.stored}`}>{f.name}{f.part === 'yoy' ? '（同比）' : ''}：文中 {f.storedText} → 当前 <b>{f.currentText}</b></span>)}{staleList.length > 12 && <span>等</span>}</Space>}
          action={editable && <Button size="small" type="primary" icon={<SyncOutlined />} onClick={() => modal.confirm({ title: '用当前统计刷新全部过期数字？', content: '只改动数字，不改动其余正文。', onOk: refresh })}>全部刷新</Button>}
        />
      )}
      {r && (
        // Side by side where both fit: the document at least 460 px, the side panel at least 440 px (the
        // workflow panel stacks its parts by its own width); the rest goes 3:1 to the document. Stacked below.
        <Row gutter={[12, 12]} align="top">
          <Col flex="3 1 460px" style={{ minWidth: 0 }}>
            <Card size="small" className="report-paper">
              {editable && (
                <Space className="report-toolbar" wrap>
                  <Tooltip title="加粗（Ctrl+B）"><Button size="small" icon={<BoldOutlined />} onMouseDown={command('bold')} /></Tooltip>
                  <Button size="small" onMouseDown={command('formatBlock', 'h3')}>小标题</Button>
                  <Button size="small" onMouseDown={command('formatBlock', 'p')}>正文</Button>
                  <Tooltip title="项目符号"><Button size="small" icon={<UnorderedListOutlined />} onMouseDown={command('insertUnorderedList')} /></Tooltip>
                  <Tooltip title="编号"><Button size="small" icon={<OrderedListOutlined />} onMouseDown={command('insertOrderedList')} /></Tooltip>
                  <Select
                    size="small"
                    showSearch
                    style={{ width: 260 }}
                    placeholder="在光标处插入指标数字…"
                    value={null}
                    optionFilterProp="label"
                    options={[...byCode.values()].filter((v) => v.kind !== 'change').map((v) => ({ value: v.code, label: `${v.name}（${showFigure(v, v.value)}${!isRatio(v.kind) ? figureMeasure(v) : ''}）` }))}
                    onChange={insertFigure}
                    data-testid="insert-figure"
                  />
                  <Typography.Text type="secondary">蓝色数字与指标关联，点击可查看所统计的记录</Typography.Text>
                </Space>
              )}
              <h1 className="report-title">{r.title}</h1>
              {r.sections.map((s) => (
                <SectionEditor
                  key={`${s.key}|${r.version}`}
                  section={s}
                  editable={editable}
                  stale={stale}
                  onDirty={() => setDirty(true)}
                  onFigure={(code) => byCode.get(code) && setDrill(byCode.get(code)!)}
                  register={(el) => (el ? editors.current.set(s.key, el) : editors.current.delete(s.key))}
                />
              ))}
              <ReportSignature issuer={r.issuer} issuedDate={r.issuedDate} />
            </Card>
          </Col>
          <Col flex="1 1 440px" style={{ minWidth: 0 }}>
            <WorkflowPanel def={REPORT_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['annual-report', id] })} />
          </Col>
        </Row>
      )}
      <IndicatorRecordsDrawer indicator={drill} year={r?.year ?? 0} unit={r?.unitCode} onClose={() => setDrill(null)} />
    </>
  );
}
