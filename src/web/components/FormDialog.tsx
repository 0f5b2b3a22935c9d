// A small form in a dialog on a record's page (a result, a rating, a training): the caller's
// button opens it afresh, OK checks the fields and saves (busy meanwhile, the success said, a
// refusal as an error message), then the dialog closes and the page reloads what changed.
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useSubmit } from './useSubmit.ts';

export interface FormDialogState {
  form: FormInstance;
  open: boolean;
  /** Opens the dialog with the form's first values. */
  show(): void;
  close(): void;
}

export function useFormDialog(): FormDialogState {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  return {
    form,
    open,
    show: () => {
      form.resetFields();
      setOpen(true);
    },
    close: () => setOpen(false),
  };
}

export function FormDialog(props: {
  dialog: FormDialogState;
  title: string;
  okText: string;
  initialValues?: Record<string, unknown>;
  /** Sends the form's values. */
  save(values: any): Promise<unknown>;
  /** The success message. */
  done: string;
  /** After a save: reload what changed. */
  onSaved(): void;
  children: ReactNode;
}) {
  const { dialog } = props;
  const { busy, run } = useSubmit();
  const submit = async () => {
    const values = await dialog.form.validateFields();
    if (!(await run(() => props.save(values), props.done))) return;
    dialog.close();
    props.onSaved();
  };
  return (
    <Modal open={dialog.open} title={props.title} okText={props.okText} confirmLoading={busy} onOk={submit} onCancel={dialog.close} destroyOnHidden>
      <Form form={dialog.form} layout="vertical" initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}
