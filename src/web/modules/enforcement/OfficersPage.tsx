// 执法人员与监督人员: the ledger with the certificate's state (90日内到期 in gold, 已过期 in red) and the
// year's training hours against the minimum; registration from the record definition.
import { useState } from 'react';
import { App, Button, InputNumber, Modal, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { CERTIFICATE_STATES, type EnforcementSettings, type OfficerView } from '../../../shared/schemas/enforcement.ts';
import { OFFICER_PAGES } from './pages.ts';
import { CertificateTag, useBodyChoices } from './shared.tsx';

export default function OfficersPage() {
  const { can, canSetShared } = useAuth();
  const bodies = useBodyChoices();
  const choices = (bodies.data ?? []).map((b) => ({ value: b.value, label: b.label }));
  return (
    <LedgerPage<OfficerView>
      pages={OFFICER_PAGES}
      title="执法人员与监督人员"
      actions={canSetShared('enforcement.settings') && <TrainingMinimum />}
      create={can('enforcement.register') && { title: '登记执法人员', submitText: '登记', initialValues: { bodyId: choices.length === 1 ? choices[0]!.value : undefined, supervisor: false }, references: { bodyId: choices } }}
      measure="人"
      rowClassName={(o) => (o.certificateState === 'expired' && o.status === 'active' ? 'row-overdue' : '')}
      link="name"
      trailing={[
        { key: 'certificate', title: '执法证', width: 110, render: (_, o) => <CertificateTag state={o.certificateState} validUntil={o.certificateValidUntil} /> },
        {
          key: 'training',
          title: '本年培训',
          width: 100,
          align: 'right',
          render: (_, o) => <Typography.Text type={o.status === 'active' && o.trainingHours < o.trainingMinHours ? 'warning' : undefined} title={`年度最低 ${o.trainingMinHours} 学时`}>{o.trainingHours} 学时</Typography.Text>,
        },
      ]}
      extraFilters={[
        { name: 'certificate', label: '执法证', options: CERTIFICATE_STATES },
        { name: 'bodyId', label: '执法主体', options: Object.fromEntries(choices.map((c) => [c.value, c.label])) },
      ]}
    />
  );
}

/** 年度培训最低学时: the law office sets it; every officer's hours are read against it. */
function TrainingMinimum() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['/enforcement-settings'], queryFn: () => get<EnforcementSettings>('/enforcement-settings') });
  const [value, setValue] = useState<number | null>(null);
  const save = async () => {
    try {
      await put('/enforcement-settings', { trainingMinHours: value });
      message.success('已保存');
      setValue(null);
      void client.invalidateQueries({ queryKey: ['/enforcement-settings'] });
      void client.invalidateQueries({ queryKey: ['/enforcement-officers'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setValue(settings.data?.trainingMinHours ?? 60)}>培训最低 {settings.data?.trainingMinHours ?? '…'} 学时</Button>
      <Modal open={value !== null} title="年度培训最低学时" onCancel={() => setValue(null)} onOk={save} okText="保存">
        <InputNumber aria-label="年度培训最低学时" min={0} max={500} precision={0} value={value} onChange={setValue} addonAfter="学时" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>《法治政府建设实施纲要（2021—2025年）》：行政执法人员每人每年接受不少于60学时的业务知识和法律法规等培训。</Typography.Paragraph>
      </Modal>
    </>
  );
}
