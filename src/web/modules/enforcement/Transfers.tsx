// 两法衔接: the ledger of cases transferred to the public-security organs, and on a case's page its
// transfers with 移送公安机关 (the create drawer from the definition) and 登记结果 (the organ's decision).
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { post } from '../../api.ts';
import { FormDialog, useFormDialog } from '../../components/FormDialog.tsx';
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
  const dialog = useFormDialog();
  if (!can('enforcement.case') || t.result !== 'pending') return null;
  return (
    <>
      <a onClick={dialog.show}>登记结果</a>
      <FormDialog
        dialog={dialog}
        title="登记公安机关的决定"
        okText="登记"
        initialValues={{ result: 'filed', resultDate: dayjs(chinaDate()) }}
        save={(values) => post(`${API}/${t.id}/result`, { version: t.version, result: values.result, resultDate: (values.resultDate as Dayjs).format('YYYY-MM-DD'), resultNote: values.resultNote || undefined })}
        done="已登记"
        onSaved={() => void client.invalidateQueries({ queryKey: [API] })}
      >
        <Form.Item name="result" label="移送结果" required rules={[zodRule(field(transferResultInput, 'result'))]}>
          <Select options={Object.entries(TRANSFER_RESULTS).filter(([v]) => v !== 'pending').map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="resultDate" label="结果日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate() || d.format('YYYY-MM-DD') < t.transferDate} />
        </Form.Item>
        <Form.Item name="resultNote" label="结果说明" rules={[zodRule(field(transferResultInput, 'resultNote'))]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormDialog>
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
