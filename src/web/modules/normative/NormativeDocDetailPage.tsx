// A normative document: its fields and status, the legality review (a finding on each of the four
// standards, the conclusion and the opinion), the text with every earlier version (edited or read
// from a .docx while a draft), then the workflow panel (actions, filing clock, evidence, timeline).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, List, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { download, get, post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { DetailPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { FINDINGS, FLAG_STATUSES, REVIEW_CONCLUSIONS, type NormativeDocDetail, type NormativeFlagView, type NormativeTextVersion } from '../../../shared/schemas/normative.ts';

import { NORMDOC_PAGES } from './pages.ts';
import { chinaTime } from '../../../shared/records.ts';

const FINDING_COLOR: Record<string, string> = { compliant: 'green', amended: 'gold', noncompliant: 'red' };
/** The text as written: paragraphs kept, scrolled within the card when long. */
const TEXT_STYLE = { whiteSpace: 'pre-wrap', maxHeight: 420, overflow: 'auto', lineHeight: 1.9, padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 } as const;
const SOURCES: Record<NormativeTextVersion['source'], string> = { paste: '录入', docx: 'Word 文档', import: '导入' };

export default function NormativeDocDetailPage() {
  return (
    <DetailPage<NormativeDocDetail>
      pages={NORMDOC_PAGES}
      tags={(d) => d.docNumber && <Tag>{d.docNumber}</Tag>}
      extra={(d) => [
        { label: '报政府备案期限', rules: ['normdoc.filing'], value: d.light ? <DueTag due={d.filingDue!} light={d.light} /> : (d.filingDue ?? '—') },
        { label: '报人大备案期限', rules: ['normdoc.filing'], value: d.congressLight ? <DueTag due={d.congressFilingDue!} light={d.congressLight} /> : (d.congressFilingDue ?? '—') },
      ]}
    >
      {(d, refresh) => (
        <>
          <Flags doc={d} refresh={refresh} />
          <Review doc={d} />
          <Text doc={d} refresh={refresh} />
        </>
      )}
    </DetailPage>
  );
}

const FLAG_COLOR: Record<string, string> = { open: 'orange', confirmed: 'red', dismissed: 'default' };

/**
 * 预审提示: what the rules found in the submitted text, each with its rule and citation; the reviewer
 * confirms or dismisses each with a reason before giving the opinion. They assist, never decide.
 */
function Flags({ doc: d, refresh }: { doc: NormativeDocDetail; refresh: () => void }) {
  const { can } = useAuth();
  const { run } = useSubmit();
  const [deciding, setDeciding] = useState<{ flag: NormativeFlagView; decision: 'confirmed' | 'dismissed' } | null>(null);
  const [note, setNote] = useState('');
  if (d.flags.length === 0 && d.status !== 'reviewing') return null;
  const open = d.flags.filter((f) => f.status === 'open').length;
  const decide = async () => {
    if (!deciding) return;
    if (!(await run(() => post(`/normative-docs/${d.id}/flags/${deciding.flag.id}`, { version: d.version, decision: deciding.decision, note }), `已${FLAG_STATUSES[deciding.decision]}`))) return;
    setDeciding(null);
    setNote('');
    refresh();
  };
  const acting = can('normdoc.review') && d.status === 'reviewing';
  return (
    <Card size="small" title={`预审提示（${d.flags.length} 条${open ? `，${open} 条待确认` : ''}）`} style={{ marginBottom: 12 }} extra={<Typography.Text type="secondary">规则辅助审查，不代替审查意见</Typography.Text>}>
      <List<NormativeFlagView>
        size="small"
        dataSource={d.flags}
        locale={{ emptyText: '预审规则未发现需要提示的内容' }}
        renderItem={(f) => (
          <List.Item
            actions={acting ? [<a key="c" onClick={() => setDeciding({ flag: f, decision: 'confirmed' })}>确认</a>, <a key="d" onClick={() => setDeciding({ flag: f, decision: 'dismissed' })}>排除</a>] : undefined}
          >
            <div style={{ width: '100%' }}>
              <div>{f.sentence ?? <Typography.Text type="secondary">（全文）</Typography.Text>}</div>
              <div style={{ marginTop: 4 }}>
                <Tag color={FLAG_COLOR[f.status]}>{FLAG_STATUSES[f.status]}</Tag>
                <b>{f.ruleName}</b>
                {f.note && <span style={{ marginInlineStart: 8 }}>{f.note}{f.decidedByName && <Typography.Text type="secondary">（{f.decidedByName}）</Typography.Text>}</span>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{f.citation}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
      <Modal open={!!deciding} title={deciding && `${FLAG_STATUSES[deciding.decision]}：${deciding.flag.ruleName}`} onCancel={() => setDeciding(null)} onOk={decide} okText="确定" okButtonProps={{ disabled: !note.trim() }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{deciding?.flag.sentence ?? '（全文）'}</Typography.Paragraph>
        <Input.TextArea rows={3} autoFocus value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder={deciding?.decision === 'dismissed' ? '排除理由（如：有上位法依据，见《…》第…条）' : '存在的问题及修改意见'} />
      </Modal>
    </Card>
  );
}

/** The legality review as the reviewer gave it; before the review, what it will cover. */
function Review({ doc: d }: { doc: NormativeDocDetail }) {
  const { message } = App.useApp();
  const given = d.review.findings.some((f) => f.finding);
  return (
    <Card
      size="small"
      title="合法性审查意见"
      style={{ marginBottom: 12 }}
      extra={d.reviewedDate && (
        <Space>
          <Typography.Text type="secondary">审查完成 {d.reviewedDate}</Typography.Text>
          {d.review.opinion && <Button size="small" icon={<DownloadOutlined />} onClick={() => download(`/normative-docs/${d.id}/opinion.docx`, `合法性审查意见书-${d.title}.docx`).catch((e) => message.error(errorText(e)))}>审查意见书（Word）</Button>}
        </Space>
      )}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered items={d.review.findings.map((f) => ({ key: f.standard, label: f.label, children: f.finding ? <Tag color={FINDING_COLOR[f.finding]}>{FINDINGS[f.finding]}</Tag> : <Typography.Text type="secondary">{d.reviewedDate ? '（导入，未记录）' : '待审查'}</Typography.Text> }))} />
      {given && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 8 }}
          items={[
            { key: 'c', label: '审查结论', children: d.review.conclusion ? REVIEW_CONCLUSIONS[d.review.conclusion] : '—' },
            { key: 'o', label: '审查意见', children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.review.opinion}</span> },
          ]}
        />
      )}
    </Card>
  );
}

/** The current text; a draft's text is edited or replaced by a .docx, each save a new version. */
function Text({ doc: d, refresh }: { doc: NormativeDocDetail; refresh: () => void }) {
  const { can } = useAuth();
  const { run } = useSubmit();
  const [editing, setEditing] = useState<string | null>(null);
  const [consultation, setConsultation] = useState('');
  const [shown, setShown] = useState<{ no: number; body: string } | null>(null);
  const editable = can('normdoc.draft') && d.status === 'draft';
  const save = async () => {
    if (!(await run(() => put(`/normative-docs/${d.id}/text`, { version: d.version, body: editing, consultation: consultation.trim() || null }), '已保存为新的一稿'))) return;
    setEditing(null);
    refresh();
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('version', String(d.version));
    body.append('file', file);
    if (await run(() => post(`/normative-docs/${d.id}/docx`, body), `已读取 ${file.name}，保存为新的一稿`)) refresh();
    return false;
  };
  return (
    <Card
      size="small"
      title={`正文${d.texts.length ? `（第 ${d.texts[0]!.no} 稿）` : ''}`}
      style={{ marginBottom: 12 }}
      extra={editable && (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => { setEditing(d.body ?? ''); setConsultation(d.consultation ?? ''); }}>编辑正文</Button>
          <Upload accept=".docx" beforeUpload={upload} showUploadList={false}><Button size="small" icon={<UploadOutlined />}>上传 Word（.docx）</Button></Upload>
        </Space>
      )}
    >
      {d.body ? <div style={TEXT_STYLE}>{d.body}</div> : <Typography.Text type="secondary">尚无正文：请编辑录入或上传 Word 文档。</Typography.Text>}
      {d.texts.length > 1 && (
        <Table<NormativeTextVersion>
          rowKey="no"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={d.texts}
          columns={[
            { title: '稿次', dataIndex: 'no', width: 60, render: (n: number) => <a onClick={async () => setShown(await get(`/normative-docs/${d.id}/texts/${n}`))}>第 {n} 稿</a> },
            { title: '来源', width: 120, render: (_, t) => `${SOURCES[t.source]}${t.filename ? `：${t.filename}` : ''}`, ellipsis: true },
            { title: '字数', dataIndex: 'length', width: 70 },
            { title: '保存', render: (_, t) => `${t.createdByName ?? '—'} · ${chinaTime(t.createdAt).slice(0, 16)}` },
          ]}
        />
      )}
      <Modal open={editing !== null} width={820} title="编辑正文（保存为新的一稿）" onCancel={() => setEditing(null)} onOk={save} okText="保存" okButtonProps={{ disabled: !editing?.trim() }}>
        <Input.TextArea rows={16} value={editing ?? ''} onChange={(e) => setEditing(e.target.value)} maxLength={200000} aria-label="正文" />
        <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>征求意见情况</Typography.Text>
        <Input.TextArea rows={2} value={consultation} onChange={(e) => setConsultation(e.target.value)} maxLength={3000} placeholder="如：在县政府门户网站公开征求意见15日，收到意见5条，采纳3条" aria-label="征求意见情况" />
      </Modal>
      <Modal open={!!shown} width={820} title={`第 ${shown?.no} 稿`} footer={null} onCancel={() => setShown(null)}>
        <div style={TEXT_STYLE}>{shown?.body}</div>
      </Modal>
    </Card>
  );
}
