// One supervision action: its fields (opinion, correction report, decision, 执法评议), the correction
// deadline, 执法评议 (the bureau's rating of the body), and the workflow (意见书, 整改情况, 退回, 监督决定书,
// 办结) with clocks, evidence and timeline.
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { FormDialog, useFormDialog } from '../../components/FormDialog.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { EVALUATION_RESULTS, evaluationInput, type SupervisionView } from '../../../shared/schemas/enforcement.ts';
import { SUPERVISION_PAGES } from './pages.ts';

export default function SupervisionDetailPage() {
  return (
    <DetailPage<SupervisionView>
      pages={SUPERVISION_PAGES}
      extra={(s) => [{ label: '整改期限', rules: ['enforcement.supervision_correct'], value: dueValue(s.due, s.light) }]}
    >
      {(s, refresh) => <Evaluation supervision={s} refresh={refresh} />}
    </DetailPage>
  );
}

/** 执法评议: the bureau rates the body's enforcement (不合格 with its reasons); a later rating replaces the earlier. */
function Evaluation({ supervision: s, refresh }: { supervision: SupervisionView; refresh: () => void }) {
  const { can } = useAuth();
  const dialog = useFormDialog();
  if (!can('enforcement.supervise')) return null;
  return (
    <Card size="small" title="执法评议" style={{ marginBottom: 12 }} extra={<Button size="small" onClick={dialog.show}>{s.evaluationResult ? '重新评议' : '登记评议结果'}</Button>}>
      {s.evaluationResult ? `${s.evaluationDate} 评议为「${EVALUATION_RESULTS[s.evaluationResult]}」${s.evaluationNote ? `：${s.evaluationNote}` : ''}` : '尚未评议'}
      <FormDialog
        dialog={dialog}
        title="登记执法评议结果"
        okText="登记"
        initialValues={{ evaluationResult: s.evaluationResult ?? 'good', evaluationDate: dayjs(chinaDate()), evaluationNote: s.evaluationNote ?? '' }}
        save={(values) => post(`/enforcement-supervisions/${s.id}/evaluation`, { version: s.version, evaluationResult: values.evaluationResult, evaluationDate: (values.evaluationDate as Dayjs).format('YYYY-MM-DD'), evaluationNote: values.evaluationNote || undefined })}
        done="已登记执法评议结果"
        onSaved={refresh}
      >
        <Form.Item name="evaluationResult" label="执法评议结果" required rules={[zodRule(field(evaluationInput, 'evaluationResult'))]}>
          <Select options={Object.entries(EVALUATION_RESULTS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="evaluationDate" label="评议日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaDate() || d.format('YYYY-MM-DD') < s.startDate} />
        </Form.Item>
        <Form.Item name="evaluationNote" label="评议意见" extra="评议不合格的，须写明评议意见" rules={[zodRule(field(evaluationInput, 'evaluationNote'))]}>
          <Input.TextArea rows={4} maxLength={3000} />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}
