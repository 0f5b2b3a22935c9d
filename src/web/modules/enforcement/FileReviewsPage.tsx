// 案卷评查: the justice bureau's campaigns (ledger and the drawer to open one with the default scoring
// sheet), and each body's results of its own files.
import { Card } from 'antd';
import { RecordLedger } from '../../components/records.tsx';
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { ScoringSheetEditor } from './ScoringSheet.tsx';
import { DEFAULT_SCORING_SHEET, FILE_REVIEW, type CampaignView, type FileReviewView } from '../../../shared/schemas/enforcement.ts';
import { CAMPAIGN_PAGES } from './pages.ts';

export default function FileReviewsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<CampaignView>
      pages={CAMPAIGN_PAGES}
      create={can('enforcement.supervise') && { title: '开展案卷评查', submitText: '开展', initialValues: { unitId: me?.unit.id, startDate: chinaDate(), passMark: 80, lines: DEFAULT_SCORING_SHEET.map((l) => ({ ...l })) }, children: <ScoringSheetEditor /> }}
      measure="次"
      exportName="案卷评查活动.xlsx"
      link="title"
      trailing={[
        { key: 'files', title: '抽取案卷', dataIndex: 'files', width: 90, align: 'right' },
        { key: 'scored', title: '已评分', dataIndex: 'scored', width: 80, align: 'right' },
        { key: 'passed', title: '合格', dataIndex: 'passedFiles', width: 70, align: 'right' },
      ]}
    />
  );
}

/** A body's view: the results of its own files in every campaign. */
export function FileReviewResultsPage() {
  return (
    <Card size="small" title="案卷评查结果">
      <RecordLedger<FileReviewView>
        def={FILE_REVIEW}
        url="/file-reviews"
        measure="份"
        exportName="案卷评查结果.xlsx"
        link={{ field: 'caseId', to: (f) => `/enforcement/cases/${f.caseId}` }}
        trailing={[{ key: 'body', title: '执法主体', dataIndex: 'bodyName', width: 200 }]}
      />
    </Card>
  );
}
