// The ledger page of an annual report (法治政府建设年度报告, 政府信息公开工作年度报告): how far the units
// have got this year (ProgressCard), then every report in the user's scope with its title linked,
// status, publication deadline and last change, filtered by the report year (kept in the URL with
// the ledger's other filters); drafting one (unit and year) fills it and opens it. And the report's
// signature as its page prints it.
import type { ReactNode } from 'react';
import { InputNumber } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { useUrlFilters } from './ledger.tsx';
import { DueTag } from './Light.tsx';
import { StatusTag } from './WorkflowPanel.tsx';
import { ProgressCard } from './ProgressCard.tsx';
import { LedgerPage, pageOf, type RecordPages } from './pages.tsx';
import type { RecordDef } from '../../shared/records.ts';
import { chineseDate } from '../../shared/schemas/reports.ts';
import { chinaTime } from '../../shared/records.ts';

type ReportRow = Record<string, unknown> & { id: string; title: string; status: string; due: string | null; light: string | null; updatedAt: string };

/** The report year, kept in the URL with the ledger's other filters (the kit filters a year by a date field only). */
function YearFilter() {
  const { params, patch } = useUrlFilters();
  return <InputNumber placeholder="报告年度" aria-label="报告年度" min={2000} max={2100} value={params.get('year') ? Number(params.get('year')) : null} onChange={(year) => patch({ year })} />;
}

export function AnnualReportsPage<V extends ReportRow>({ pages, draft, statusWidth, actions }: {
  pages: RecordPages;
  /** The drafting drawer for those who may draft: its definition (unit and year), title and first values (the unit: the user's own, unless they say another). */
  draft: false | { def: RecordDef<any>; title: string; initialValues: Record<string, unknown> };
  statusWidth: number;
  actions?: ReactNode;
}) {
  const { me } = useAuth();
  return (
    <>
      <ProgressCard api={`${pages.api}/progress`} workflow={pages.workflow} link={(id) => pageOf(pages, { id })} />
      <LedgerPage<V>
        pages={pages}
        status={false}
        measure="份"
        actions={actions}
        create={draft && { ...draft, initialValues: { unitId: me?.unit.id, ...draft.initialValues }, button: '起草年度报告', submitText: '生成草稿' }}
        leading={[{ key: 'title', title: '标题', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 340, render: (t: string, r) => <Link to={pageOf(pages, r)}>{t}</Link> }]}
        trailing={[
          { key: 'status', title: '状态', dataIndex: 'status', width: statusWidth, render: (s: string) => <StatusTag def={pages.workflow} status={s} /> },
          { key: 'due', title: '公开期限', width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} fixed /> : (r.due ?? '—')) },
          { key: 'updatedAt', title: '最后修改', dataIndex: 'updatedAt', width: 140, render: (t: string) => chinaTime(t).slice(0, 16) },
        ]}
        toolbar={<YearFilter />}
      />
    </>
  );
}

/** The issuing body and the date in Chinese under a printed report (the date left blank until set). */
export function ReportSignature({ issuer, issuedDate }: { issuer: string; issuedDate: string | null }) {
  return (
    <div className="report-signature">
      <div>{issuer}</div>
      <div>{issuedDate ? chineseDate(issuedDate) : '（成文日期）'}</div>
    </div>
  );
}
