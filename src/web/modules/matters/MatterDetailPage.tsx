import { Typography } from 'antd';
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { MATTER, MATTER_WORKFLOW, type MatterDetail } from '../../../shared/schemas/matters.ts';

export default function MatterDetailPage() {
  return (
    <RecordDetail<MatterDetail>
      def={MATTER}
      workflow={MATTER_WORKFLOW}
      api="/matters"
      ledger={{ to: '/matters', label: '交办事项' }}
      show={(m) => ({ reply: m.reply ?? <Typography.Text type="secondary">尚未报送</Typography.Text> })}
    />
  );
}
