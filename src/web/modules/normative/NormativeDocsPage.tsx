// 规范性文件: the library and drafts in the user's scope (filters, keyword over titles and numbers,
// the filing deadline's light) and the drafting drawer, both from the record definition.
import { Card } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { NORMATIVE_DOC, NORMDOC_WORKFLOW, type NormativeDocView } from '../../../shared/schemas/normative.ts';

export default function NormativeDocsPage() {
  const { can, me } = useAuth();
  return (
    <Card
      size="small"
      title="行政规范性文件"
      extra={can('normdoc.draft') && (
        <CreateRecord<NormativeDocView>
          def={NORMATIVE_DOC}
          api="/normative-docs"
          title="起草规范性文件"
          submitText="保存草稿"
          initialValues={{ unitId: me?.unit.id }}
          to={(d) => `/normative-docs/${d.id}`}
        />
      )}
    >
      <RecordLedger<NormativeDocView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={NORMATIVE_DOC}
        workflow={NORMDOC_WORKFLOW}
        url="/normative-docs"
        exportName="规范性文件台账.xlsx"
        link={{ field: 'title', to: (d) => `/normative-docs/${d.id}` }}
        trailing={[
          { key: 'filing', title: '报政府备案', width: 170, render: (_, d) => (d.light ? <DueTag due={d.filingDue!} light={d.light} /> : d.filedDate ? `已备案 ${d.filedDate}` : '—') },
          { key: 'filingCongress', title: '报人大备案', width: 170, render: (_, d) => (d.congressLight ? <DueTag due={d.congressFilingDue!} light={d.congressLight} /> : d.congressFiledDate ? `已备案 ${d.congressFiledDate}` : '—') },
        ]}
      />
    </Card>
  );
}
