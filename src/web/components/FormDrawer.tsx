// A drawer holding a form that the definition's RecordForm cannot draw (co-units and milestones, a
// checklist): 保存 checks the form (each error at its field) and hands its values to `onSave`; while
// saving the button spins, and a refusal from the server shows above the form.
import { useState, type ReactNode } from 'react';
import { Button, Drawer, Form, type FormInstance } from 'antd';
import { ErrorNotice } from './ErrorNotice.tsx';

export function FormDrawer(props: {
  open: boolean;
  title: string;
  width?: number;
  /** The caller's form (`Form.useForm()`): its fields are the children. */
  form: FormInstance;
  initialValues?: Record<string, unknown>;
  onClose(): void;
  /** Saves the form's values; the drawer stays open with the error shown if it throws. */
  onSave(values: any): Promise<void>;
  children: ReactNode;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    let values: unknown;
    try {
      values = await props.form.validateFields();
    } catch {
      return; // antd shows each error at its field
    }
    setError(null);
    setBusy(true);
    try {
      await props.onSave(values);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={props.open} width={props.width ?? 560} destroyOnHidden title={props.title} onClose={props.onClose} extra={<Button type="primary" loading={busy} onClick={save}>保存</Button>}>
      <ErrorNotice error={error} />
      <Form form={props.form} layout="vertical" initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Drawer>
  );
}
