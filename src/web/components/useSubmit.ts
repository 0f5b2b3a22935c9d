// A form's or a button's action: busy while it runs, a success message, the server's refusal as an
// error message (the shape of every small form on a record's page).
import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './ErrorNotice.tsx';

export function useSubmit() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /** Runs `action`; says `done` when it succeeds. Returns whether it did. */
  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
