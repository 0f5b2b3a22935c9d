// 两法衔接: the ledger of cases transferred to the public-security organs, and on a case's page its
// transfers with 移送公安机关 (the create drawer from the definition) and 登记结果 (the organ's decision).
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { post } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { TRANSFER, TRANSFER_RESULTS, transferResultInput, type CaseDetail, type TransferView } from '../../../shared/schemas/enforcement.ts';

const API = '/enforcement-transfers';

/** 登记结果: the organ's decision on a transfer still pending. */
function ResultAction({ transfer: t }: { transfer: TransferView }) {
  const { can } = useAuth();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const { busy, run } = useSubmit();
  const [form] = Form.useForm();
  if (!can('enforcement.case') || t.result !== 'pending') return null;
  const submit = async () => {
    const values = await form.validateFields();
    if (!(await run(() => post(`${API}/${t.id}/result`, { version: t.version, result: values.result, resultDate: (values.resultDate as Dayjs).format('YYYY-MM-DD'), resultNote: values.resultNote || undefined }), '已登记'))) return;
    setOpen(false);
    void client.invalidateQueries({ queryKey: [API] });
  };
  return (
    <>
      <a onClick={() => { form.resetFields(); setOpen(true); }}>登记结果</a>
      <Modal open={open} title="登记公安机关的决定" okText="登记" confirmLoading={busy} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ result: 'filed', resultDate: dayjs(chinaDate()) }}>
          <Form.Item name="result" label="移送结果" required rules={[zodRule(field(transferResultInput, 'result'))]}>
            <Select options={Object.entries(TRANSFER_RESULTS).filter(([v]) => v !== 'pending').map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="resultDate" label="结果日期" required>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate() || d.format('YYYY-MM-DD') < t.transferDate} />
          </Form.Item>
          <Form.Item name="resultNote" label="结果说明" rules={[zodRule(field(transferResultInput, 'resultNote'))]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const trailing = [{ key: 'action', title: '操作', width: 100, render: (_: unknown, t: TransferView) => <ResultAction transfer={t} /> }];

export default function TransfersPage() {
  return (
    <Card size="small" title="移送涉嫌犯罪案件（两法衔接）" extra={<span style={{ color: '#888' }}>在执法案件页面移送公安机关</span>}>
      <RecordLedger<TransferView>
        def={TRANSFER}
        url={API}
        measure="件"
        exportName="移送涉嫌犯罪案件台账.xlsx"
        leading={[{ key: 'case', title: '执法案件', dataIndex: 'caseTitle', fixed: 'left', ellipsis: true, width: 240, render: (t: string, r) => <Link to={`/enforcement/cases/${r.caseId}`}>{t}</Link> }]}
        trailing={trailing}
      />
    </Card>
  );
}

/** On a case's page: its transfers and 移送公安机关. */
export function CaseTransfers({ record: c, refresh }: { record: CaseDetail; refresh: () => void }) {
  const { can } = useAuth();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title="移送公安机关（两法衔接）" style={{ marginBottom: 12 }} extra={can('enforcement.case') && <Button size="small" onClick={() => setOpen(true)}>移送公安机关</Button>}>
      <RecordLedger<TransferView> def={TRANSFER} url={API} params={{ caseId: c.id }} measure="件" exportName="移送案件.xlsx" trailing={trailing} />
      <RecordForm
        def={TRANSFER}
        open={open}
        title="移送涉嫌犯罪案件"
        submitText="移送"
        initialValues={{ caseId: c.id, organ: '县公安局', transferDate: chinaDate() }}
        references={{ caseId: [{ value: c.id, label: c.title }] }}
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          await post(API, values);
          void client.invalidateQueries({ queryKey: [API] });
          setOpen(false);
          refresh();
        }}
      />
    </Card>
  );
}
