import { Link } from 'react-router-dom';
import { DetailPage } from '../../components/pages.tsx';
import type { DisputeView } from '../../../shared/schemas/mediation.ts';
import { DISPUTE_PAGES } from './pages.ts';

export default function DisputeDetailPage() {
  return <DetailPage<DisputeView> pages={DISPUTE_PAGES} show={(d) => ({ linkedTitle: d.linkedDisputeId ? <Link to={`/disputes/${d.linkedDisputeId}`}>{d.linkedTitle}</Link> : null })} />;
}
