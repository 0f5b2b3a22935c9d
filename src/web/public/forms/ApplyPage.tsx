// A public form, any module's: the fields the server derives from the record definition, the unit
// the application goes to, files, the PIPL consent; checked here as the server checks, solved (the
// proof of work) and sent; then the tracking code and secret, shown once, with a QR code.
import { Suspense, lazy, useState, type FormEvent } from 'react';
import { HOME, Loading, PortalPage, Problem, type Crumb } from '../layout.tsx';
import { usePublicApi } from '../data.ts';
import { FieldFrame, FilePicker, ProblemSummary, Submit, ariaOf, fileProblem, useAttempts, type Problems } from './fields.tsx';
import { FormField, filled, problemOf, type Values } from './definition.tsx';
import { formUrl, submitApplication, type PublicFormView, type SubmittedView } from './api.ts';

// Fetched while the application is sent, not with the form: the form page stays light.
const loadReceipt = () => import('./Receipt.tsx');
const Receipt = lazy(loadReceipt);

/** Every problem the server would find in what is filled in, by field. */
function check(form: PublicFormView, unit: string, values: Values, files: File[], consent: boolean): Problems {
  const problems: Problems = {};
  if (!unit) problems[form.unit.name] = `请选择${form.unit.label}`;
  for (const f of form.fields) {
    const problem = problemOf(f, values[f.name]);
    if (problem) problems[f.name] = problem;
  }
  const files_ = fileProblem(files, form.attachments.label, form.attachments.accept, form.attachments.maxBytes);
  if (files_) problems.files = files_;
  if (!consent) problems.consent = '请阅读并勾选同意个人信息处理规则';
  return problems;
}

function Application({ form, onDone }: { form: PublicFormView; onDone: (done: SubmittedView) => void }) {
  const only = form.unit.choices.length === 1 ? form.unit.choices[0]!.id : '';
  // A page that links to the form may name the choice (?choice=…, e.g. the draft decision commented on).
  const named = new URLSearchParams(location.search).get('choice');
  const [unit, setUnit] = useState(named && form.unit.choices.some((c) => c.id === named) ? named : only);
  const [values, setValues] = useState<Values>({});
  const [files, setFiles] = useState<File[]>([]);
  const [consent, setConsent] = useState(false);
  const { problems, attempt, busy, run } = useAttempts();
  const labels = Object.fromEntries([[form.unit.name, form.unit.label], ...form.fields.map((f) => [f.name, f.label]), ['files', form.attachments.label], ['consent', '个人信息处理规则']]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(check(form, unit, values, files, consent), async () => {
      loadReceipt();
      onDone(await submitApplication(form.key, { [form.unit.name]: unit, ...filled(values), consent: true }, files));
    });
  };

  return (
    <>
      <ProblemSummary problems={problems} labels={labels} refocus={attempt} />
      <form className="public-form" noValidate onSubmit={submit}>
        <FieldFrame name={form.unit.name} label={form.unit.label} required hint={form.unit.hint} problem={problems[form.unit.name]}>
          <select id={form.unit.name} value={unit} onChange={(e) => setUnit(e.target.value)} {...ariaOf(form.unit.name, !!form.unit.hint, problems[form.unit.name])}>
            {!only && <option value="">请选择</option>}
            {form.unit.choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </FieldFrame>
        {form.fields.map((f) => (
          <FormField key={f.name} f={f} value={values[f.name] ?? ''} problem={problems[f.name]} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} />
        ))}
        {form.attachments.max > 0 && (
          <FilePicker name="files" label={form.attachments.label} hint={form.attachments.hint} files={files} max={form.attachments.max} maxBytes={form.attachments.maxBytes} accept={form.attachments.accept} problem={problems.files} onChange={setFiles} />
        )}
        <div className={`form-field consent${problems.consent ? ' has-error' : ''}`}>
          {problems.consent && (
            <p className="field-error" id="consent-error">
              {problems.consent}
            </p>
          )}
          <label className="choice">
            <input id="consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} {...ariaOf('consent', false, problems.consent)} />
            <span>
              {form.consent}
              <span className="required" aria-hidden="true">
                *
              </span>
            </span>
          </label>
        </div>
        <Submit busy={busy} label={`提交${form.what}`} />
        <p className="status" role="status">
          {busy ? '正在进行安全校验并提交，约需几秒钟，请勿关闭页面…' : ''}
        </p>
      </form>
    </>
  );
}

/** The apply page of a form; `guide` is the section page it belongs to. */
export default function ApplyPage({ formKey, guide }: { formKey: string; guide: Crumb }) {
  const form = usePublicApi<PublicFormView>(formUrl(formKey));
  const [done, setDone] = useState<SubmittedView | null>(null);
  const trail = [{ label: '首页', to: HOME }, guide];
  if (!form.data) {
    return (
      <PortalPage title={form.loading ? '网上申请' : '暂时无法打开申请表'} trail={trail}>
        {form.loading ? <Loading /> : <Problem>{form.error?.message}</Problem>}
      </PortalPage>
    );
  }
  return (
    <PortalPage title={form.data.title} trail={trail}>
      {done ? (
        <Suspense fallback={<Loading />}>
          <Receipt form={form.data} done={done} />
        </Suspense>
      ) : (
        <>
          <p className="lead">
            带 <span className="required">*</span> 的为必填项。提交后您将得到查询码和查询密码，凭此查询办理进度、提交补正材料、下载答复文书，无需注册账号。
          </p>
          <Application form={form.data} onDone={setDone} />
        </>
      )}
    </PortalPage>
  );
}
