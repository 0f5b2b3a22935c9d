// 行政应诉: the cases ledger with the defence deadline (红黄牌) and head appearances, and the intake
// drawer, both from the record definition.
import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { CASE_RESULTS, LITIGATION_CASE, LITIGATION_WORKFLOW, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';

export default function LitigationCasesPage() {
  const { can, me } = useAuth();
  return (
    <Card
      size="small"
      title="行政应诉"
      extra={can('litigation.manage') && (
        <CreateRecord<LitigationCaseView>
          def={LITIGATION_CASE}
          api="/litigation-cases"
          title="登记应诉案件"
          submitText="登记"
          initialValues={{ unitId: me?.unit.id, filedDate: chinaDate(), complaintReceivedDate: chinaDate() }}
          to={(c) => `/litigation/${c.id}`}
        />
      )}
    >
      <RecordLedger<LitigationCaseView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={LITIGATION_CASE}
        workflow={LITIGATION_WORKFLOW}
        url="/litigation-cases"
        exportName="行政应诉案件.xlsx"
        leading={[{ key: 'title', title: '案件', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 260, render: (t: string, c) => <Link to={`/litigation/${c.id}`}>{t}</Link> }]}
        trailing={[
          { key: 'defence', title: '答辩期限', width: 190, render: (_, c) => (c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : c.defenceDate ? `已答辩 ${c.defenceDate}` : '—') },
          { key: 'heads', title: '负责人出庭', width: 100, render: (_, c) => (c.hearings ? `${c.headAppearances}/${c.hearings}` : '—') },
        ]}
        extraFilters={[{ name: 'result', label: '结果', options: CASE_RESULTS }]}
      />
    </Card>
  );
}
