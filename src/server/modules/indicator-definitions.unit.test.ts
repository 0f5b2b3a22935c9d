// Every figure's 口径 is read by a county leader on the 指标统计 page and in the annual report's notes:
// Chinese prose, with the year said in words (该年度), not a formula's placeholder (Y) nor the storage
// unit of money (分) the page never shows.
import { expect, it } from 'vitest';
import { MODULES } from './index.ts';

it('no indicator definition shows a placeholder letter or a storage unit', () => {
  const leaks = MODULES.flatMap((m) => m.indicators ?? [])
    .filter((i) => /[A-Za-z]|单位：分/.test(i.definition ?? ''))
    .map((i) => `${i.code}: ${i.definition}`);
  expect(leaks).toEqual([]);
});
