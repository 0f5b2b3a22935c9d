// One enforcement case: its fields (the party's ID number masked, 查看 audited), the officers, the
// full-process records by stage (全过程记录) with their registration, and the workflow panel (法制审核,
// 决定, 公示, 撤回公示 with their clocks and timeline).
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { FormDialog, useFormDialog } from '../../components/FormDialog.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { dueValue } from '../../components/Light.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { CaseTransfers } from './Transfers.tsx';
import { CASE_PAGES } from './pages.ts';
import { CASE_STAGES, RECORD_MEDIA, caseRecordInput, type CaseDetail } from '../../../shared/schemas/enforcement.ts';

export default function CaseDetailPage() {
  return (
    <DetailPage<CaseDetail>
      pages={CASE_PAGES}
      sealed={{ partyIdNumber: '当事人身份证号' }}
      extra={(c) => [
        { label: '执法人员', value: c.officers.map((o) => `${o.name}（${o.certificateNumber ?? '无执法证'}）`).join('、') },
        { label: c.dueLabel ?? '期限', value: dueValue(c.due, c.light) },
      ]}
    >
      {(c, refresh) => (
        <>
          <ProcessRecords record={c} refresh={refresh} />
          <CaseTransfers record={c} refresh={refresh} />
        </>
      )}
    </DetailPage>
  );
}

/** 全过程记录: the case's documents, photos, audio and video by stage, and the form to register one. */
function ProcessRecords({ record: c, refresh }: { record: CaseDetail; refresh: () => void }) {
  const { can } = useAuth();
  const dialog = useFormDialog();
  return (
    <ListCard
      title="全过程记录"
      style={{ marginBottom: 12 }}
      extra={can('enforcement.case') && <Button size="small" onClick={dialog.show}>登记记录</Button>}
      rows={c.records}
      empty="还没有全过程记录"
      columns={[
        { key: 'stage', title: '阶段', width: 90, render: (_, r) => CASE_STAGES[r.stage] },
        { key: 'medium', title: '形式', width: 70, render: (_, r) => RECORD_MEDIA[r.medium] },
        { key: 'title', title: '记录名称', dataIndex: 'title' },
        { key: 'reference', title: '存储位置或档案编号', dataIndex: 'reference', render: (v) => v ?? '—' },
        { key: 'date', title: '记录日期', dataIndex: 'date', width: 110 },
      ]}
    >
      <FormDialog
        dialog={dialog}
        title="登记全过程记录"
        okText="登记"
        initialValues={{ stage: 'investigation', medium: 'document', date: dayjs(chinaDate()) }}
        save={(values) => post(`/enforcement-cases/${c.id}/records`, { ...values, reference: values.reference || undefined, date: (values.date as Dayjs).format('YYYY-MM-DD') })}
        done="已登记"
        onSaved={refresh}
      >
        <Form.Item name="stage" label="阶段" required rules={[zodRule(field(caseRecordInput, 'stage'))]}>
          <Select options={Object.entries(CASE_STAGES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="medium" label="记录形式" required rules={[zodRule(field(caseRecordInput, 'medium'))]}>
          <Select options={Object.entries(RECORD_MEDIA).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="记录名称" required rules={[zodRule(field(caseRecordInput, 'title'))]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reference" label="存储位置或档案编号" extra="音像记录请写明存储介质或档案编号；文书可在下方台账材料中上传" rules={[zodRule(field(caseRecordInput, 'reference'))]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="date" label="记录日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate() || d.format('YYYY-MM-DD') < c.openedDate} />
        </Form.Item>
      </FormDialog>
    </ListCard>
  );
}
