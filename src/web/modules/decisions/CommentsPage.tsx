// 公众意见处理: every comment on the drafts the user may see, filtered by state and channel; answered on its page or the decision's.
import { Link } from 'react-router-dom';
import { LedgerPage } from '../../components/pages.tsx';
import type { CommentView } from '../../../shared/schemas/decisions.ts';
import { COMMENT_PAGES } from './pages.ts';

export default function CommentsPage() {
  return (
    <LedgerPage<CommentView>
      pages={COMMENT_PAGES}
      // The comment's text opens it (its title is the same text cut short); the workflow's 状态 filter is the ledger's own.
      link="content"
      leading={[{ key: 'decision', title: '决策草案', dataIndex: 'decisionTitle', ellipsis: true, width: 200, render: (t: string, r) => <Link to={`/decisions/${r.decisionId}`}>{t}</Link> }]}
    />
  );
}
