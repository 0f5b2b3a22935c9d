// What the enforcement pages share: the bodies one may pick, and the certificate's state as a tag.
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { CERTIFICATE_STATES, type CertificateState } from '../../../shared/schemas/enforcement.ts';

export type BodyChoice = { value: string; label: string; unitId: string };

export function useBodyChoices() {
  return useQuery({ queryKey: ['/enforcement-body-choices'], queryFn: () => get<{ items: BodyChoice[] }>('/enforcement-body-choices').then((r) => r.items) });
}

const CERTIFICATE_COLORS: Record<CertificateState, string> = { valid: 'green', expiring: 'gold', expired: 'red', suspended: 'orange', revoked: 'default', none: 'default' };

export function CertificateTag({ state, validUntil }: { state: CertificateState; validUntil?: string | null }) {
  return (
    <Tag color={CERTIFICATE_COLORS[state]} title={validUntil ? `有效期至 ${validUntil}` : undefined}>
      {CERTIFICATE_STATES[state]}
    </Tag>
  );
}
