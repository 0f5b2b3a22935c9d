// The messages zod gives a form and an API caller: an enum left out asks for a choice; an enum given
// a value it does not know names the field and the choices, once.
import { describe, expect, it } from 'vitest';
import { z, fieldErrors, labelledEnum, text } from './zod.ts';

const OUTCOMES = { success: '调解成功', failure: '调解不成功' } as const;
const schema = z.strictObject({ outcome: labelledEnum(OUTCOMES, '调解结果', 'outcome') });
const messages = (value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldErrors(schema, result.error).map((e) => e.message);
};

describe('labelledEnum', () => {
  it.each([[{}], [{ outcome: null }], [{ outcome: '' }]])('a missing value asks for a choice: %j', (value) => {
    const [message] = messages(value);
    expect(message).toContain('请选择调解结果');
    expect(message).not.toContain('无效');
  });

  it('an unknown value names the field and the choices, the field once', () => {
    expect(messages({ outcome: 'partly' })).toEqual(['调解结果（outcome）无效，可选：success（调解成功）、failure（调解不成功）']);
  });

  it('an optional enum left out is no error', () => {
    expect(z.strictObject({ outcome: labelledEnum(OUTCOMES, '调解结果', 'outcome').optional() }).safeParse({}).success).toBe(true);
  });
});

describe('text', () => {
  const note = z.strictObject({ note: text('办理情况', 100) });
  const said = (value: unknown) => {
    const result = note.safeParse(value);
    return result.success ? [] : fieldErrors(note, result.error).map((e) => e.message);
  };

  it.each([[{}], [{ note: null }], [{ note: '' }], [{ note: '   ' }]])('a missing or blank text asks for it: %j', (value) => {
    const [message] = said(value);
    expect(message).toContain('请填写办理情况');
    expect(message).not.toContain('必须是文本');
  });

  it('a value that is not text says so', () => {
    expect(said({ note: 42 })[0]).toMatch(/^办理情况.*必须是文本/);
  });
});
