import { Alert } from 'antd';
import { ApiError } from '../api.ts';

/** Shows a server error with its field or row details. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      message={e?.detail ?? (error as Error).message}
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
