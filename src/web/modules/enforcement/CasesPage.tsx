// 行政执法案件: the ledger (办案 and 公示 deadlines with their lights) and the intake drawer, which
// adds to the definition's fields the choice of at least two of the body's certified officers.
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, ApiError } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LedgerPage, pageOf } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate, fieldSchema } from '../../../shared/records.ts';
import { CASE_KINDS, CASE_MIN_OFFICERS, CERTIFICATE_STATES, ENFORCEMENT_CASE, ENFORCEMENT_LISTS, PARTY_KINDS, caseInput, type CaseView, type ListItemView, type OfficerView } from '../../../shared/schemas/enforcement.ts';
import { useBodyChoices } from './shared.tsx';
import { CASE_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function CasesPage() {
  const { can } = useAuth();
  return (
    <LedgerPage<CaseView>
      pages={CASE_PAGES}
      actions={can('enforcement.case') && <OpenCase />}
      exportName="行政执法案件台账.xlsx"
      link="partyName"
      trailing={[
        { key: 'officers', title: '执法人员', dataIndex: 'officerNames', width: 140 },
        { key: 'due', title: <RuleLabel label="期限" rules={['enforcement.disclosure_penalty_licence', 'enforcement.disclosure', 'enforcement.penalty_decide', 'enforcement.disclosure_withdraw']} />, width: 220, render: (_, r) => (r.due ? <>{r.dueLabel} {dueValue(r.due, r.light)}</> : '—') },
      ]}
    />
  );
}

const rule = (name: keyof typeof ENFORCEMENT_CASE.fields) => ({
  validator: async (_: unknown, value: unknown) => {
    const spec = ENFORCEMENT_CASE.fields[name];
    const v = spec.kind === 'date' && value ? (value as Dayjs).format('YYYY-MM-DD') : spec.kind === 'boolean' ? !!value : value;
    const result = fieldSchema(name, spec).safeParse(v === '' || v === null ? undefined : v);
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误');
  },
});
const label = (name: keyof typeof ENFORCEMENT_CASE.fields) => ENFORCEMENT_CASE.fields[name].label;

/** 立案: the definition's fields (same rules and messages as the server) and the officers of the chosen body. */
function OpenCase() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const bodies = useBodyChoices();
  const bodyId = Form.useWatch('bodyId', form) as string | undefined;
  const officers = useQuery({
    queryKey: ['/enforcement-officers', 'case', bodyId],
    enabled: !!bodyId,
    queryFn: () => get<{ items: OfficerView[] }>(`/enforcement-officers?bodyId=${bodyId}&status=active&supervisor=false&pageSize=200`).then((r) => r.items),
  });
  const items = useQuery({
    queryKey: ['/enforcement-list-items', 'case', bodyId],
    enabled: !!bodyId,
    queryFn: () => get<{ items: ListItemView[] }>(`/enforcement-list-items?bodyId=${bodyId}&current=true&pageSize=200`).then((r) => r.items),
  });

  const submit = async () => {
    let values: Record<string, any>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { ...values, openedDate: (values.openedDate as Dayjs).format('YYYY-MM-DD'), major: !!values.major };
      for (const k of Object.keys(body)) if (body[k] === '' || body[k] === undefined) delete body[k];
      const created = await post<CaseView>('/enforcement-cases', body);
      message.success('立案成功');
      void client.invalidateQueries({ queryKey: ['/enforcement-cases'] });
      setOpen(false);
      navigate(pageOf(CASE_PAGES, created));
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) form.setFields(e.errors.filter((x) => x.field && (x.field in ENFORCEMENT_CASE.fields || x.field === 'officerIds')).map((x) => ({ name: x.field!, errors: [x.message] })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setError(null); setOpen(true); }}>立案</Button>
      <Drawer open={open} width={Math.min(600, window.innerWidth)} title="立案" onClose={() => setOpen(false)} destroyOnHidden extra={<Button type="primary" loading={busy} onClick={submit}>立案</Button>}>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'penalty', partyKind: 'organisation', openedDate: dayjs(chinaDate()), bodyId: bodies.data?.length === 1 ? bodies.data[0]!.value : undefined }}>
          <Form.Item name="bodyId" label={label('bodyId')} required rules={[rule('bodyId')]}>
            <Select showSearch optionFilterProp="label" options={bodies.data ?? []} loading={bodies.isLoading} onChange={() => form.setFieldsValue({ officerIds: [], listItemId: undefined })} />
          </Form.Item>
          <Form.Item name="kind" label={label('kind')} required rules={[rule('kind')]}>
            <Select options={Object.entries(CASE_KINDS).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <Form.Item name="officerIds" label="执法人员" required extra={`至少 ${CASE_MIN_OFFICERS} 名立案日期持有效执法证的本主体执法人员`} rules={[zodRule(field(caseInput, 'officerIds'))]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              disabled={!bodyId}
              loading={officers.isLoading}
              options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNumber ?? '无执法证'}，${CERTIFICATE_STATES[o.certificateState]}）`, disabled: !['valid', 'expiring'].includes(o.certificateState) }))}
            />
          </Form.Item>
          <Form.Item name="openedDate" label={label('openedDate')} required rules={[rule('openedDate')]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate()} />
          </Form.Item>
          <Form.Item name="cause" label={label('cause')} rules={[rule('cause')]} extra={ENFORCEMENT_CASE.fields.cause.note}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="partyKind" label={label('partyKind')} rules={[rule('partyKind')]}>
            <Select options={Object.entries(PARTY_KINDS).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <Form.Item name="partyName" label={label('partyName')} required rules={[rule('partyName')]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="partyIdNumber" label={label('partyIdNumber')} rules={[rule('partyIdNumber')]} extra={ENFORCEMENT_CASE.fields.partyIdNumber.note}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="basis" label={label('basis')} rules={[rule('basis')]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="listItemId" label={label('listItemId')} rules={[rule('listItemId')]} extra="适用不予处罚清单事项而仍作出处罚的，决定时须说明理由">
            <Select allowClear showSearch optionFilterProp="label" disabled={!bodyId} options={(items.data ?? []).map((i) => ({ value: i.id, label: `【${ENFORCEMENT_LISTS[i.list]}】${i.title}` }))} />
          </Form.Item>
          <Form.Item name="facts" label={label('facts')} rules={[rule('facts')]}>
            <Input.TextArea rows={3} maxLength={3000} showCount />
          </Form.Item>
          <Form.Item name="major" valuePropName="checked" extra={ENFORCEMENT_CASE.fields.major.note}>
            <Checkbox>{label('major')}</Checkbox>
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
