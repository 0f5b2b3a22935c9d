import { Typography } from 'antd';
import { DetailPage } from '../../components/pages.tsx';
import type { MatterDetail } from '../../../shared/schemas/matters.ts';
import { MATTER_PAGES } from './pages.ts';

export default function MatterDetailPage() {
  return <DetailPage<MatterDetail> pages={MATTER_PAGES} show={(m) => ({ reply: m.reply ?? <Typography.Text type="secondary">尚未报送</Typography.Text> })} />;
}
