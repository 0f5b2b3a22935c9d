// Ant Design form rules from the same zod schemas the server validates with.
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { forPeople } from '../api.ts';

/** `convert` turns the widget's value into the schema's (a picked date into YYYY-MM-DD). */
export function zodRule(schema: z.ZodType, convert: (value: unknown) => unknown = (v) => v): Rule {
  return {
    validator: async (_rule, raw) => {
      const value = convert(raw);
      const result = schema.safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(forPeople(result.error.issues[0]?.message ?? '输入有误'));
    },
  };
}

/** The field schema of an object schema (for `zodRule(field(createUnitInput, 'code'))`). */
export function field(schema: z.ZodType, key: string): z.ZodType {
  return (schema as any)._zod.def.shape[key];
}
