import { describe, expect, it } from 'vitest';
import { forPeople } from './api.ts';

describe('messages as people read them', () => {
  it('drop the field codes the API names fields by, and nothing else in brackets', () => {
    expect(forPeople('年度（year）应为整数')).toBe('年度应为整数');
    expect(forPeople('章节（sections[3].key）「x」不存在')).toBe('章节「x」不存在');
    expect(forPeople('标签（tags.1）过长；收费单位编码（unitCode）不存在')).toBe('标签过长；收费单位编码不存在');
    for (const kept of ['所在村（社区）', '含有不允许的控制字符（U+0000）', '保存（Ctrl+S）', '金额（元）', '办理日期 2025-03-20（已逾期）']) expect(forPeople(kept)).toBe(kept);
  });
});
