// 审计监督: the projects ledger (findings, amounts and open problems per project), the findings
// ledger with their rectification status, and the two record pages. From the record definitions.
import { Card, Tag } from 'antd';
import { DetailPage, LedgerPage } from '../../components/pages.tsx';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { DueTag, dueValue } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { AUDIT_FINDING, AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT_CORRECTABLE, type AuditFindingView, type AuditProjectView } from '../../../shared/schemas/audits.ts';
import { AUDIT_FINDING_PAGES, AUDIT_PROJECT_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;

export function AuditProjectsPage() {
  const { can } = useAuth();
  return (
    <LedgerPage<AuditProjectView>
      pages={AUDIT_PROJECT_PAGES}
      title="审计项目"
      measure="个"
      status={false}
      create={can('audits.manage') && { title: '登记审计项目', submitText: '登记', initialValues: { kind: 'economic_responsibility', date: chinaDate() } }}
      link="title"
      trailing={[
        { key: 'findings', title: '发现问题', dataIndex: 'findings', width: 90, align: 'right' },
        { key: 'amountFen', title: '涉及金额', dataIndex: 'amountFen', width: 150, align: 'right', render: (v: number) => yuan(v) },
        { key: 'open', title: '未销号', dataIndex: 'open', width: 80, align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : <Tag color="green">0</Tag>) },
      ]}
    />
  );
}

export function AuditFindingsPage() {
  return (
    <LedgerPage<AuditFindingView>
      pages={AUDIT_FINDING_PAGES}
      title="审计发现问题整改"
      measure="个"
      link="description"
      trailing={[{ key: 'due', title: <RuleLabel label="整改期限" rules={['audits.rectify']} />, width: 170, render: (_, f) => (f.due ? (f.light ? <DueTag due={f.due} light={f.light} /> : `${f.due}（待核查）`) : '—') }]}
    />
  );
}

export function AuditProjectDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<AuditProjectView & { title: string }>
      pages={AUDIT_PROJECT_PAGES}
      edit={{ only: AUDIT_PROJECT_CORRECTABLE, title: '更正审计项目', may: () => can('audits.manage') }}
      extra={(p) => [
        { label: '发现问题', value: `${p.findings} 个（未销号 ${p.open} 个）` },
        { label: '涉及金额合计', value: yuan(p.amountFen) },
      ]}
    >
      {(p) => (
        <Card
          size="small"
          type="inner"
          title="发现问题"
          style={{ marginTop: 12 }}
          extra={can('audits.manage') && <CreateRecord<AuditFindingView> def={AUDIT_FINDING} api="/audit-findings" title="登记发现问题" submitText="登记" initialValues={{ projectId: p.id }} references={{ projectId: [{ value: p.id, label: p.title }] }} to={(f) => `/audit-findings/${f.id}`} />}
        >
          <RecordLedger<AuditFindingView> def={AUDIT_FINDING} url="/audit-findings" params={{ projectId: p.id }} exportName={`${p.title}发现问题.xlsx`} workflow={AUDIT_FINDING_WORKFLOW} measure="个" link={{ field: 'description', to: (f) => `/audit-findings/${f.id}` }} />
        </Card>
      )}
    </DetailPage>
  );
}

export function AuditFindingDetailPage() {
  const { can } = useAuth();
  return <DetailPage<AuditFindingView> pages={AUDIT_FINDING_PAGES} extra={(f) => [{ label: '整改期限', rules: ['audits.rectify'], value: f.due ? dueValue(f.due, f.light) : '—' }]} edit={{ only: ['description', 'category', 'amountFen'], title: '更正发现问题', may: (f) => can('audits.manage') && f.status !== 'verified' }} />;
}
