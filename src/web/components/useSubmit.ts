// A form's or a button's action: busy while it runs, a success message, the server's refusal as an
// error message (the shape of every small form on a record's page).
import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './ErrorNotice.tsx';

export function useSubmit() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /**
   * Runs `action`; says `done` when it succeeds. A refusal goes to `refused` (a page that shows it
   * at its fields), else to an error message. Returns whether it did.
   */
  const run = async (action: () => Promise<unknown>, done: string, refused?: (error: unknown) => void): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      return true;
    } catch (e) {
      if (refused) refused(e);
      else message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
