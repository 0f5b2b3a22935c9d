// One rating: the item and unit, the rating, and for a 差评 its follow-up — 回访, 整改, 核验办结, or
// 申诉 decided by the law office — in the workflow panel, with the 整改期限 and its light.
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DetailPage } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import type { ServiceRatingView } from '../../../shared/schemas/services.ts';
import { RATING_PAGES } from './pages.ts';

export default function RatingDetailPage() {
  return (
    <DetailPage<ServiceRatingView>
      pages={RATING_PAGES}
      tags={(r) => (r.bad ? <Tag color="red">差评</Tag> : <Tag color="green">好评</Tag>)}
      show={(r) => ({ itemId: <Link to={`/service-items/${r.itemId}`}>{r.itemName}</Link> })}
      extra={(r) => (r.bad ? [{ label: '整改期限', rules: ['services.bad_rating_fix'], value: dueValue(r.due, r.light) }] : [])}
      actionsHint={(r) => (r.bad && r.named && !r.revisitDate && r.status !== 'closed' && r.status !== 'voided' ? '实名差评须先回访评价人，再提交整改情况。' : null)}
    />
  );
}
