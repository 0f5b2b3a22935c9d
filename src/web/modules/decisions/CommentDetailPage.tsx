// One comment: its fields (the phone masked, 查看 audited), its draft, and 处理意见 in the workflow panel.
// A comment an import recorded only as a count (listed behind the figure) opens its decision.
import { Link, Navigate } from 'react-router-dom';
import { useParams } from 'react-router-dom';
import { DetailPage } from '../../components/pages.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { COMMENT_RECORD_TYPE, COUNTED_COMMENT_MARK, type CommentView } from '../../../shared/schemas/decisions.ts';
import { COMMENT_PAGES } from './pages.ts';

export default function CommentDetailPage() {
  const { id = '' } = useParams();
  if (id.includes(COUNTED_COMMENT_MARK)) return <Navigate replace to={`/decisions/${id.split(COUNTED_COMMENT_MARK)[0]}`} />;
  return <CommentDetail id={id} />;
}

function CommentDetail({ id }: { id: string }) {
  return (
    <DetailPage<CommentView>
      pages={COMMENT_PAGES}
      sealed={{ commenterPhone: '提出人联系电话' }}
      show={(r) => ({ decisionId: <Link to={`/decisions/${r.decisionId}`}>{r.decisionTitle}</Link> })}
    >
      {() => <SubmissionCard recordType={COMMENT_RECORD_TYPE} recordId={id} />}
    </DetailPage>
  );
}
