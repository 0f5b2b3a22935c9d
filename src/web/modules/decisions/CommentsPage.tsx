// 公众意见处理: every comment on the drafts the user may see, filtered by state and channel; answered on its page or the decision's.
import { Link } from 'react-router-dom';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import type { CommentView } from '../../../shared/schemas/decisions.ts';
import { COMMENT_PAGES } from './pages.ts';

export default function CommentsPage() {
  return (
    <LedgerPage<CommentView>
      pages={COMMENT_PAGES}
      leading={[
        { key: 'title', title: '意见', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 260, render: (t: string, r) => <Link to={pageOf(COMMENT_PAGES, r)}>{t}</Link> },
        { key: 'decision', title: '决策草案', dataIndex: 'decisionTitle', ellipsis: true, width: 220, render: (t: string, r) => <Link to={`/decisions/${r.decisionId}`}>{t}</Link> },
      ]}
      extraFilters={[{ name: 'status', label: '状态', options: { received: '待处理', answered: '已处理' } }]}
    />
  );
}
