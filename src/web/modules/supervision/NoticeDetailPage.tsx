// A circular's or supervision notice's page: its 文号 and text, the finding or inspection it concerns,
// and its evidence, where the law office prints it (督办单 or 通报, with its 文号) as a Word document.
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DetailPage } from '../../components/pages.tsx';
import { NOTICE_KINDS, type NoticeView } from '../../../shared/schemas/supervision.ts';
import { NOTICE_PAGES } from './pages.ts';

export default function NoticeDetailPage() {
  return (
    <DetailPage<NoticeView>
      pages={NOTICE_PAGES}
      tags={(n) => <Tag color={n.kind === 'circular' ? 'blue' : 'red'}>{NOTICE_KINDS[n.kind]}{n.level ? `·${n.level === 1 ? '一级' : '二级'}` : ''}</Tag>}
      show={(n) => ({
        caseNumber: n.caseNumber ?? '—',
        inspectionId: n.inspectionId ? <Link to={`/inspections/${n.inspectionId}`}>{n.inspectionTitle}</Link> : '—',
        findingId: n.findingId ? <Link to={`/findings/${n.findingId}`}>{n.findingTitle}</Link> : '—',
        level: n.level ? (n.level === 1 ? '一级（整改逾期）' : '二级（已报法治办）') : '—',
      })}
      actionsHint={() => '通报、督办单印发后无须办理；法治办可在下方「台账材料」中生成带文号的 Word 文书。'}
    />
  );
}
