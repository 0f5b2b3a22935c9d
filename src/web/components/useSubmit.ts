// A form's or a button's action: busy while it runs, a success message, the server's refusal as an
// error message (the shape of every small form on a record's page).
import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './ErrorNotice.tsx';

export function useSubmit() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /**
   * Runs `action`; says `done` when it succeeds (or what `done` makes of the action's answer). A
   * refusal goes to `refused` (a page that shows it at its fields), else to an error message.
   * Returns whether it did.
   */
  const run = async <R>(action: () => Promise<R>, done: string | ((result: R) => string), refused?: (error: unknown) => void): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await action();
      message.success(typeof done === 'string' ? done : done(result));
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
