// A field of a record definition as the public form draws it, from the description the server
// derives (kernel/public/forms.ts), and the same checks as the server's before anything is sent.
import type { ChangeEvent } from 'react';
import { isValidIdNumber, isValidPhone } from '../../../shared/validators.ts';
import { FieldFrame, ariaOf } from './fields.tsx';
import type { PublicFieldView } from './api.ts';

export type Values = Record<string, string>;

const isChoice = (f: PublicFieldView) => f.kind === 'enum';

/** The server's rules for one value, in its words (shared/records.ts fieldSchema). */
export function problemOf(f: PublicFieldView, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (!value) return f.required ? `${isChoice(f) ? '请选择' : '请填写'}${f.label}` : null;
  if (f.max && value.length > f.max) return `${f.label}不能超过 ${f.max} 字`;
  if (f.kind === 'idNumber' && !isValidIdNumber(value.toUpperCase())) return `${f.label}无效（应为 18 位且校验码正确）`;
  if (f.kind === 'phone' && !isValidPhone(value)) return `${f.label}无效（应为 11 位手机号码）`;
  return null;
}

/** What is sent: trimmed values, empty optional fields left out. */
export const filled = (values: Values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));

const INPUT_MODES: Partial<Record<PublicFieldView['kind'], 'numeric' | 'tel'>> = { phone: 'tel' };

function Control({ f, value, problem, onChange }: { f: PublicFieldView; value: string; problem?: string; onChange: (value: string) => void }) {
  const aria = ariaOf(f.name, !!f.hint, problem, f.required);
  const change = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(e.target.value);
  if (f.kind === 'enum' && f.options!.length <= 6) {
    return (
      <div className="choices">
        {f.options!.map(([code, label], i) => (
          <label key={code} className="choice">
            <input type="radio" name={f.name} id={i === 0 ? f.name : undefined} value={code} checked={value === code} onChange={change} aria-invalid={aria['aria-invalid']} />
            {label}
          </label>
        ))}
      </div>
    );
  }
  if (f.kind === 'enum') {
    return (
      <select id={f.name} value={value} onChange={change} {...aria}>
        <option value="">请选择</option>
        {f.options!.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  if (f.kind === 'longText') return <textarea id={f.name} rows={6} value={value} onChange={change} {...aria} />;
  return <input id={f.name} type="text" inputMode={INPUT_MODES[f.kind]} autoComplete={f.kind === 'phone' ? 'tel' : 'off'} value={value} onChange={change} {...aria} />;
}

/** One field of the definition: label, hint, the control and, for long text, how much is left. */
export function FormField({ f, value, problem, onChange }: { f: PublicFieldView; value: string; problem?: string; onChange: (value: string) => void }) {
  return (
    <FieldFrame name={f.name} label={f.label} required={f.required} hint={f.hint} problem={problem} group={f.kind === 'enum' && f.options!.length <= 6}>
      <Control f={f} value={value} problem={problem} onChange={onChange} />
      {f.kind === 'longText' && f.max && (
        <p className="counter" aria-live="polite">
          {`已输入 ${value.length} 字，最多 ${f.max} 字`}
        </p>
      )}
    </FieldFrame>
  );
}

