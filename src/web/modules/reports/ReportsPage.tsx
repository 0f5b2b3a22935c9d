// 年度报告: every report in the user's scope by year and unit, with its 1 April deadline (the
// ledger of the record definition: filters, keyword, server-side sort and paging in the URL, export of
// the filtered list); drafting a new one fills it with the unit's figures and opens the editor.
import dayjs from 'dayjs';
import { AnnualReportsPage } from '../../components/AnnualReportsPage.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT_DRAFT, type ReportView } from '../../../shared/schemas/reports.ts';
import { REPORT_PAGES } from './pages.ts';

export default function ReportsPage() {
  const { can } = useAuth();
  return (
    <AnnualReportsPage<ReportView>
      pages={REPORT_PAGES}
      statusWidth={150}
      // Last year's report until the summer, when this year's drafting may begin.
      draft={can('report.write') && { def: REPORT_DRAFT, title: '起草年度报告', initialValues: { year: dayjs().year() - (dayjs().month() < 6 ? 1 : 0) } }}
    />
  );
}
