import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { EditRecord } from '../../components/records.tsx';
import { DISPUTE, DISPUTE_CORRECTABLE, DISPUTE_WORKFLOW, type DisputeView, type MediationOrgView } from '../../../shared/schemas/mediation.ts';
import { DISPUTE_PAGES } from './pages.ts';

/** 更正受理信息: the intake as the definition draws it, the organisation picked from those one may see. */
function CorrectDispute({ dispute }: { dispute: DisputeView }) {
  const client = useQueryClient();
  const orgs = useQuery({ queryKey: ['mediation-orgs'], queryFn: () => get<{ items: MediationOrgView[] }>('/mediation-orgs').then((r) => r.items) });
  const choices = (orgs.data ?? []).filter((o) => o.active || o.id === dispute.orgId).map((o) => ({ value: o.id, label: o.name }));
  return (
    <EditRecord
      def={DISPUTE}
      record={dispute}
      api={DISPUTE_PAGES.api}
      only={DISPUTE_CORRECTABLE}
      title="更正受理信息"
      references={{ orgId: choices }}
      button
      onSaved={() => void client.invalidateQueries({ queryKey: ['workflow', DISPUTE_WORKFLOW.recordType, dispute.id] })}
    />
  );
}

export default function DisputeDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<DisputeView>
      pages={DISPUTE_PAGES}
      show={(d) => ({ linkedTitle: d.linkedDisputeId ? <Link to={`/disputes/${d.linkedDisputeId}`}>{d.linkedTitle}</Link> : null })}
      tags={(d) => can('mediation.manage') && d.status !== 'revisited' && <CorrectDispute dispute={d} />}
    />
  );
}
