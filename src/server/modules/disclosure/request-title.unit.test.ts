// A request's title is what every ledger, 我的待办 and the audit log call it: the applicant and what they asked for, once.
import { expect, it } from 'vitest';
import { requestTitle } from './disclosure.ts';

it('names the applicant and the request without saying 申请公开 twice, cut at 40 characters', () => {
  expect(requestTitle('张晓明', '申请公开本县2026年农村公路建设资金使用情况')).toBe('张晓明申请公开：本县2026年农村公路建设资金使用情况');
  expect(requestTitle('李某', '本县养老服务补贴发放名单')).toBe('李某申请公开：本县养老服务补贴发放名单');
  expect(requestTitle('王某', '甲'.repeat(50))).toBe(`王某申请公开：${'甲'.repeat(40)}…`);
});
