// 政府信息公开工作年度报告: every report in the user's scope by year and unit, with its deadline (31
// January for departments and towns, 31 March for the county); drafting one counts its tables and
// opens it.
import { TableOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { AnnualReportsPage } from '../../components/AnnualReportsPage.tsx';
import { useAuth } from '../../auth.tsx';
import { FOI_REPORT_DRAFT, type FoiReportView } from '../../../shared/schemas/disclosure-report.ts';
import { FOI_REPORT_PAGES } from './pages.ts';

export default function FoiReportsPage() {
  const { can } = useAuth();
  return (
    <AnnualReportsPage<FoiReportView>
      pages={FOI_REPORT_PAGES}
      statusWidth={170}
      actions={<Link to="/foi/annual-tables"><TableOutlined /> 按单位查看统计表</Link>}
      // The report on last year (approved only once that year is over).
      draft={can('foi.manage') && { def: FOI_REPORT_DRAFT, title: '起草政府信息公开工作年度报告', initialValues: { year: dayjs().year() - 1 } }}
    />
  );
}
