// One 政府信息公开工作年度报告 as it will print: sections 一, 五 and 六 written here (一 closes with the
// summary the records give), tables 二 to 四 counted from the records — every number opens what it
// counts — with the cross-checks that must pass before the head approves; after approval the tables
// are the approved ones. Ctrl+S saves.
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Form, Grid, Input, Row, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { download, get, put, query } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { RecordFields } from '../../components/records.tsx';
import { field, zodRule } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { useEditorKeys } from '../../components/useEditorKeys.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { ReportSignature } from '../../components/AnnualReportsPage.tsx';
import { FOI_REPORT, FOI_REPORT_TABLE_HEADINGS, TABLE2_COLUMN_LABELS, TABLE2_ROWS, FOI_REPORT_WORKFLOW, foiReportFileName, foiReportUpdateInput, type FoiReportDetail, type FoiReportSection, type Table2Row } from '../../../shared/schemas/disclosure-report.ts';
import { Table2, Table3, Table4, type Cell } from './ReportTables.tsx';
import { CellDrawer, ChecksAlert } from './TableTrace.tsx';

const { issuer: _issuer, issuedDate: _issuedDate, ...notEdited } = FOI_REPORT.fields;
const REPORT_NOT_EDITED = { ...FOI_REPORT, fields: notEdited };

/** Printed text: one paragraph per line. */
const Paragraphs = ({ text, testId }: { text: string; testId?: string }) => (
  <div data-testid={testId}>
    {text.split('\n').filter((l) => l.trim()).map((line, i) => <p key={i} className="report-paragraph">{line}</p>)}
  </div>
);

function Section({ section, editable, before, children }: { section: FoiReportSection; editable: boolean; before?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="report-section">
      <h2 className="report-heading level-1">{section.heading}</h2>
      {before}
      {editable ? (
        <Form.Item name={['sections', section.key]} rules={[zodRule(field(field(foiReportUpdateInput, 'sections'), section.key))]} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 3 }} placeholder={section.guide} aria-label={section.heading} data-testid={`section-${section.key}`} />
        </Form.Item>
      ) : section.text ? (
        <Paragraphs text={section.text} />
      ) : (
        <Typography.Text type="secondary">（未填写）</Typography.Text>
      )}
      {children}
    </div>
  );
}

/** One of the statistical tables, under its heading and the sentences written from it. */
const TableSection = ({ heading, text, children }: { heading: string; text: string; children: React.ReactNode }) => (
  <div className="report-section">
    <h2 className="report-heading level-1">{heading}</h2>
    <Paragraphs text={text} />
    <div style={{ overflowX: 'auto' }}>{children}</div>
  </div>
);

const Generated = ({ text, testId }: { text: string; testId: string }) => (
  <div style={{ background: '#f6f8fa', borderLeft: '3px solid #1677ff', padding: '4px 12px', margin: '4px 0 8px' }}>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>按台账记录生成</Typography.Text>
    <Paragraphs text={text} testId={testId} />
  </div>
);

export default function FoiReportPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['foi-annual-report', id], queryFn: () => get<FoiReportDetail>(`/foi-annual-reports/${id}`) });
  const r = detail.data;
  const [form] = Form.useForm();
  const [dirty, setDirty] = useState(false);
  const saving = useSubmit();
  const [error, setError] = useState<unknown>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const editable = !!r && r.status === 'draft' && can('foi.manage');
  const wide = Grid.useBreakpoint().md;

  useEffect(() => {
    if (r && editable) {
      form.setFieldsValue({ title: r.title, issuer: r.issuer, issuedDate: r.issuedDate ? dayjs(r.issuedDate) : null, sections: Object.fromEntries(r.sections.map((s) => [s.key, s.text])) });
      setDirty(false);
    }
  }, [r, editable, form]);

  const save = async () => {
    if (!r || !editable) return;
    const values = await form.validateFields();
    setError(null);
    await saving.run(async () => {
      const fresh = await put<FoiReportDetail>(`/foi-annual-reports/${id}`, { version: r.version, title: values.title, issuer: values.issuer, issuedDate: values.issuedDate ? (values.issuedDate as Dayjs).format('YYYY-MM-DD') : null, sections: values.sections });
      client.setQueryData(['foi-annual-report', id], fresh);
      void client.invalidateQueries({ queryKey: ['workflow', FOI_REPORT_WORKFLOW.recordType, id] });
      setDirty(false);
    }, '已保存', setError);
  };

  useEditorKeys(() => void save(), dirty);

  // Table 2's figures open their records too: as approved once the tables are frozen.
  const openFigure = (row: Table2Row, column: string) => {
    const value = r?.tables.table2[row][column as keyof (typeof r.tables.table2)[Table2Row]]?.value ?? 0;
    setCell({ table: 2, row, column, count: value, title: `${TABLE2_ROWS[row].label} · ${TABLE2_COLUMN_LABELS[column as keyof typeof TABLE2_COLUMN_LABELS]}` });
  };
  const actions = r && (
    <Space wrap>
      {editable && <Button type="primary" size="small" icon={<SaveOutlined />} loading={saving.busy} disabled={!dirty} onClick={save} data-testid="save-report">保存（Ctrl+S）</Button>}
      <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`/foi-annual-reports/${id}/docx`, foiReportFileName(r)).catch((e) => message.error(errorText(e)))}>导出 Word</Button>
      {r.status === 'published' && <a href={`/public/reports/disclosure/${id}`} target="_blank" rel="noreferrer"><ExportOutlined /> 公开页面</a>}
    </Space>
  );
  const section = (key: string) => r!.sections.find((s) => s.key === key)!;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/foi/reports">政府信息公开工作年度报告</Link> }, { title: r ? `${r.unitName} ${r.year} 年` : '…' }]} />
      <ErrorNotice error={detail.error ?? error} />
      <Card
        size="small"
        loading={detail.isLoading}
        title={r && <Space wrap>{r.title}<StatusTag def={FOI_REPORT_WORKFLOW} status={r.status} testId="report-status" />{r.light && <DueTag due={r.due!} light={r.light} fixed />}</Space>}
        extra={wide && actions}
        style={{ marginBottom: 12 }}
      >
        {!wide && actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
        {r && <RecordFields def={editable ? REPORT_NOT_EDITED : FOI_REPORT} view={r} extra={[{ label: FOI_REPORT.fields.publishDue.label, value: r.light ? <DueTag due={r.due!} light={r.light} fixed /> : (r.due ?? '—') }]} />}
      </Card>
      {r && (
        <Row gutter={[12, 12]} align="top">
          <Col flex="3 1 560px" style={{ minWidth: 0 }}>
            {/* The form holds the text only: the workflow panel beside it has dialogs of its own. */}
            <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)} disabled={!editable}>
              <Card size="small" className="report-paper">
                {editable ? (
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Form.Item name="title" label={FOI_REPORT.fields.title.label} required rules={[zodRule(field(foiReportUpdateInput, 'title'))]} style={{ minWidth: 420, marginBottom: 0 }}><Input /></Form.Item>
                    <Form.Item name="issuer" label={FOI_REPORT.fields.issuer.label} required rules={[zodRule(field(foiReportUpdateInput, 'issuer'))]} style={{ marginBottom: 0 }}><Input style={{ width: 220 }} /></Form.Item>
                    <Form.Item name="issuedDate" label={FOI_REPORT.fields.issuedDate.label} style={{ marginBottom: 0 }}><DatePicker /></Form.Item>
                  </Space>
                ) : (
                  <h1 className="report-title">{r.title}</h1>
                )}
                <div style={{ margin: '8px 0' }}>
                  {r.frozen ? <Tag color="gold" style={{ whiteSpace: 'normal' }}>统计表已于审定时定稿（{r.approvedDate}），点击数字查看审定时所统计的记录</Tag> : <ChecksAlert checks={r.tables.checks} />}
                </div>
                <Section section={section('overview')} editable={editable}>
                  <Generated text={r.generated.overview} testId="generated-overview" />
                </Section>
                <TableSection heading={FOI_REPORT_TABLE_HEADINGS.table2} text={r.generated.table2}><Table2 t={r.tables} onOpen={openFigure} /></TableSection>
                <TableSection heading={FOI_REPORT_TABLE_HEADINGS.table3} text={r.generated.table3}><Table3 t={r.tables} onOpen={setCell} /></TableSection>
                <TableSection heading={FOI_REPORT_TABLE_HEADINGS.table4} text={r.generated.table4}><Table4 t={r.tables} onOpen={setCell} /></TableSection>
                <Section section={section('problems')} editable={editable} />
                <Section section={section('other')} editable={editable} before={<Generated text={r.generated.other} testId="generated-other" />} />
                <ReportSignature issuer={r.issuer} issuedDate={r.issuedDate} />
              </Card>
            </Form>
          </Col>
          <Col flex="1 1 400px" style={{ minWidth: 0 }}>
            {dirty ? (
              // A transition sends the stored text: unsaved typing would be lost when the page reloads.
              <Alert type="warning" showIcon message="正文有未保存的修改" description="请先保存（Ctrl+S），再送审或办理。" action={<Button size="small" type="primary" onClick={() => void save()}>保存</Button>} data-testid="unsaved" />
            ) : (
              <WorkflowPanel def={FOI_REPORT_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['foi-annual-report', id] })} />
            )}
          </Col>
        </Row>
      )}
      <CellDrawer cell={cell} url={(c) => `/foi-annual-reports/${id}/cell${query({ table: c.table, row: c.row, column: c.column })}`} onClose={() => setCell(null)} />
    </>
  );
}
