// The text rules at the one place every input passes (parseWith), file names, and the date range.
import { describe, expect, it } from 'vitest';
import { parseWith } from './route.ts';
import { safeFilename } from './upload.ts';
import { HttpError } from './errors.ts';
import { attachmentDisposition } from '../attachments/store.ts';
import { isValidDate } from '../calendar/days.ts';
import { z, text, isoDate } from '../../../shared/zod.ts';
import { jsonTooDeep, MAX_JSON_DEPTH, textProblem } from '../../../shared/text-hygiene.ts';

const schema = z.strictObject({ name: text('名称'), tags: z.array(text('标签')).optional(), any: z.unknown().optional() });

function refusal(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A value nested `depth` arrays deep, built without recursion. */
function nestedValue(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('parseWith', () => {
  it('refuses a value nested 20,000 deep with 400 instead of overflowing the stack', () => {
    const error = refusal(() => parseWith(schema, { name: '甲', any: nestedValue(20_000) }, 'body'));
    expect(error.status).toBe(400);
    expect(error.detail).toContain(`嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`);
    // 32 levels in all (the body object is the first) pass to zod; 33 do not.
    expect(parseWith(schema, { name: '甲', any: nestedValue(MAX_JSON_DEPTH - 1) }, 'body').name).toBe('甲');
    expect(refusal(() => parseWith(schema, { name: '甲', any: nestedValue(MAX_JSON_DEPTH) }, 'body')).detail).toContain('嵌套过深');
  });

  it('refuses NUL and lone surrogates naming the field by its label, in nested arrays and in keys', () => {
    expect(refusal(() => parseWith(schema, { name: 'a\u0000b' }, 'body')).detail).toBe('名称（name）含有不允许的控制字符（U+0000）');
    expect(refusal(() => parseWith(schema, { name: 'a\uD800b' }, 'body')).detail).toContain('名称（name）含有无效的 Unicode 字符');
    expect(refusal(() => parseWith(schema, { name: 'ok', tags: ['好', '\uDC00'] }, 'body')).detail).toContain('标签（tags.1）含有无效的 Unicode 字符');
    expect(refusal(() => parseWith(schema, { name: 'ok', ['k\uD800']: 1 }, 'body')).detail).toContain('字段名含有无效的 Unicode 字符');
    // A valid pair (an emoji) is text.
    expect(parseWith(schema, { name: '好😀' }, 'body').name).toBe('好😀');
  });

  it('strips bidi controls (U+202A–U+202E, U+2066–U+2069) before validation', () => {
    expect(parseWith(schema, { name: '\u202A138\u202C 局\u202E甲\u2066乙\u2069', tags: ['\u202Dx'] }, 'body')).toEqual({ name: '138 局甲乙', tags: ['x'] });
    // Only bidi controls: empty after stripping, so the required field is refused by its own rule.
    expect(refusal(() => parseWith(schema, { name: '\u202E' }, 'body')).detail).toContain('请填写名称');
  });
});

describe('helpers', () => {
  it('jsonTooDeep counts brackets outside strings only', () => {
    expect(jsonTooDeep('['.repeat(33), 32)).toBe(true);
    expect(jsonTooDeep(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(false);
    expect(jsonTooDeep(`{"a":"${'['.repeat(100)}\\"[["}`, 32)).toBe(false);
    expect(textProblem('a\uD83D\uDE00b')).toBeNull();
  });

  it('file names: bidi stripped, controls replaced, cut between code points, lone surrogates refused; downloads never throw', () => {
    expect(safeFilename('报告\u202Efdp.exe')).toBe('报告fdp.exe');
    expect(safeFilename('a/b\\c\u0000d\u007fe\u0085.pdf')).toBe('a_b_c_d_e_.pdf');
    const cut = safeFilename(`${'😀'.repeat(300)}x.png`);
    expect(Array.from(cut)).toHaveLength(200);
    expect(textProblem(cut)).toBeNull();
    expect(refusal(() => safeFilename('a\uD800.png')).detail).toContain('文件名（file）含有无效的 Unicode 字符');
    expect(attachmentDisposition('a\uD800.png')).toContain(encodeURIComponent('a\uFFFD.png'));
  });

  it('dates: isoDate and isValidDate accept 1949-10-01…2100-12-31 only', () => {
    const date = isoDate('受理日期');
    for (const ok of ['1949-10-01', '2024-02-29', '2100-12-31']) {
      expect(date.safeParse(ok).success).toBe(true);
      expect(isValidDate(ok)).toBe(true);
    }
    for (const bad of ['1949-09-30', '2101-01-01', '0000-01-01', '9999-12-31']) {
      const result = date.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toEqual(['受理日期超出允许的范围（1949-10-01 至 2100-12-31）']);
      expect(isValidDate(bad)).toBe(false);
    }
    expect(date.safeParse('2025-02-29').error!.issues.map((i) => i.message)).toEqual(['受理日期不是有效日期']);
    expect(date.safeParse('2025/02/01').error!.issues.map((i) => i.message)).toEqual(['受理日期格式应为 YYYY-MM-DD']);
  });
});
