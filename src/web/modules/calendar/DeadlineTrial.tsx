// 期限试算: pick a rule and a start date, see the due date and how it was counted.
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get, query } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { Explanation } from '../../components/Light.tsx';
import { ruleOption, useRules } from '../../components/rules.ts';
import { type DeadlineExplanation } from '../../../shared/schemas/calendar.ts';

export function DeadlineTrial() {
  const rules = useRules();
  const [result, setResult] = useState<{ due: string; explanation: DeadlineExplanation } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (values: { rule: string; from: Dayjs; extended?: boolean }) => {
    setError(null);
    try {
      setResult(await get(`/calendar/deadline${query({ rule: values.rule, from: values.from.format('YYYY-MM-DD'), extended: values.extended ? 'true' : undefined })}`));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title="期限试算">
      <Form layout="vertical" onFinish={run} initialValues={{ rule: 'foi.reply', from: dayjs() }}>
        <Form.Item name="rule" label="期限规则" rules={[{ required: true, message: '请选择期限规则' }]}>
          {/* Until the rules have loaded, the chosen rule's code would show in place of its name. */}
          <Select showSearch optionFilterProp="label" loading={rules.isLoading} options={(rules.data ?? []).map(ruleOption)} labelRender={(chosen) => (rules.data ? chosen.label : '')} />
        </Form.Item>
        <Form.Item name="from" label="起算日期" rules={[{ required: true, message: '请选择起算日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="extended" label="按批准延长计算" valuePropName="checked">
          <Switch size="small" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="trial-submit">计算</Button>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="trial-result">
          <Typography.Title level={4} style={{ margin: '4px 0' }}>
            届满日：{result.due}
            {result.explanation.provisional && <Typography.Text type="warning">（暂定）</Typography.Text>}
          </Typography.Title>
          <Explanation lines={result.explanation.text} />
        </div>
      )}
    </Card>
  );
}
