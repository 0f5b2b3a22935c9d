import { Alert, Button, type FormInstance } from 'antd';
import { ApiError } from '../api.ts';

/**
 * Shows a server error with its field or row details. `onReload`: a form of a record read before
 * someone else saved it (409) offers 重新加载, which puts the record as it is now into the form.
 */
export function ErrorNotice({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      message={e?.detail ?? (error as Error).message}
      action={onReload && e?.status === 409 ? <Button size="small" onClick={onReload} data-testid="reload-record">重新加载</Button> : undefined}
      description={
        e && e.errors.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {e.errors.slice(0, 20).map((x, i) => (
              <li key={i}>{x.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

export const errorText = (error: unknown) => (error instanceof ApiError ? error.detail : (error as Error)?.message ?? '操作失败');

/**
 * Puts the server's messages about fields at the form's fields of those names (`name`: the form's
 * name of a field the server names, e.g. `values.reason` → `reason`); whether any was shown.
 */
export function showAtFields(form: FormInstance, error: unknown, name = (field: string) => field): boolean {
  if (!(error instanceof ApiError)) return false;
  const shown = new Set(Object.keys(form.getFieldsValue()));
  const fields = error.errors.filter((x) => x.field && shown.has(name(x.field))).map((x) => ({ name: name(x.field!), errors: [x.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
