// The pieces every public form has (the application, the supplement, the tracking page): a field
// with its label, required mark, hint and message tied to it (aria), a summary of the problems that
// links to each field, and a file picker that adds one file at a time (what a phone's camera roll
// allows).
import { useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { fieldMessages } from './api.ts';

export type Problems = Record<string, string>;

/** Problems of a refused request: the server's by field, or its sentence for the whole form. */
export function problemsOf(error: unknown): Problems {
  const byField = fieldMessages(error);
  return Object.keys(byField).length ? byField : { form: (error as Error).message };
}

/**
 * One form's attempts: the problems found before sending or by the server, a counter that moves the
 * focus to their summary each time, and whether the form is being sent.
 */
export function useAttempts() {
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const run = async (found: Problems, send: () => Promise<Problems | void>) => {
    if (!Object.keys(found).length) {
      setBusy(true);
      try {
        Object.assign(found, await send());
      } catch (error) {
        Object.assign(found, problemsOf(error));
      }
      setBusy(false);
    }
    setProblems(found);
    setAttempt((n) => n + 1);
  };
  return { problems, attempt, busy, run };
}

const Required = () => (
  <>
    <span className="required" aria-hidden="true">
      *
    </span>
    <span className="visually-hidden">（必填）</span>
  </>
);

export function describedBy(name: string, hint: boolean, problem: boolean): string | undefined {
  return [hint && `${name}-hint`, problem && `${name}-error`].filter(Boolean).join(' ') || undefined;
}

/** What ties a control to its hint and message, and says it is required and whether it is wrong. */
export const ariaOf = (name: string, hint: boolean, problem: string | undefined, required = true) => ({
  'aria-required': required || undefined,
  'aria-invalid': problem ? true : undefined,
  'aria-describedby': describedBy(name, hint, !!problem),
});

/** Label, hint and message around a control; a radio group is a fieldset with its legend. */
export function FieldFrame({ name, label, required, hint, problem, group, children }: { name: string; label: string; required: boolean; hint?: string | null; problem?: string; group?: boolean; children: ReactNode }) {
  const caption = (
    <>
      {label}
      {required && <Required />}
    </>
  );
  const notes = (
    <>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={`${name}-error`}>
          {problem}
        </p>
      )}
    </>
  );
  if (group) {
    return (
      <fieldset className={`form-field${problem ? ' has-error' : ''}`} id={`${name}-group`} aria-describedby={describedBy(name, !!hint, !!problem)}>
        <legend>{caption}</legend>
        {notes}
        {children}
      </fieldset>
    );
  }
  return (
    <div className={`form-field${problem ? ' has-error' : ''}`}>
      <label htmlFor={name} className="field-label">
        {caption}
      </label>
      {notes}
      {children}
    </div>
  );
}

/** The problems of a failed attempt, each a link to its field; it takes the focus so that it is read first. */
export function ProblemSummary({ problems, labels, refocus }: { problems: Problems; labels: Record<string, string>; refocus: number }) {
  const entries = Object.entries(problems);
  if (!entries.length) return null;
  return (
    <div className="problem-summary" role="alert" tabIndex={-1} key={refocus} ref={(el) => el?.focus()}>
      <h2>提交未成功，请修改以下 {entries.length} 处：</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {/* A field's problem links to it; the form's own (a refusal, the network) is just said. */}
            {labels[name] ? (
              <a href={`#${name}`} onClick={(e) => focusField(e, name)}>
                {message.includes(labels[name]!) ? message : `${labels[name]}：${message}`}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(e: MouseEvent, name: string) {
  const target = document.getElementById(name);
  if (!target) return;
  e.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MB`);

/** Files added one at a time (a phone's picker), each removable; the limits said up front. */
export function FilePicker({ name, label, hint, files, max, maxBytes, accept, problem, onChange }: { name: string; label: string; hint: string | null; files: File[]; max: number; maxBytes: number; accept: string[]; problem?: string; onChange: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const limits = `最多 ${max} 个文件，每个不超过 ${sizeText(maxBytes)}，格式：${accept.join('、')}`;
  return (
    <FieldFrame name={name} label={label} required={false} hint={hint ? `${hint}。${limits}` : limits} problem={problem}>
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <span>
                {file.name}（{sizeText(file.size)}）
              </span>
              <button type="button" className="link-button" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                删除<span className="visually-hidden">{file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < max && (
        <>
          <input
            ref={input}
            id={name}
            className="file-input visually-hidden"
            type="file"
            accept={accept.map((a) => `.${a}`).join(',')}
            aria-describedby={describedBy(name, true, !!problem)}
            onChange={(e) => {
              onChange([...files, ...Array.from(e.target.files ?? [])].slice(0, max));
              if (input.current) input.current.value = '';
            }}
          />
          <label htmlFor={name} className="button">
            {files.length ? '继续添加文件' : '添加文件'}
          </label>
        </>
      )}
    </FieldFrame>
  );
}

/** Files the server would refuse by name or size, said before they are sent. */
export function fileProblem(files: File[], label: string, accept: string[], maxBytes: number): string | null {
  for (const file of files) {
    const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
    if (!accept.includes(ext)) return `${label}中的「${file.name}」类型不允许，可上传：${accept.join('、')}`;
    if (file.size > maxBytes) return `${label}中的「${file.name}」超过 ${sizeText(maxBytes)}`;
    if (file.size === 0) return `${label}中的「${file.name}」是空文件`;
  }
  return null;
}

/** A form's send button, saying while it is being sent. */
export function Submit({ busy, label, busyLabel = '正在提交…' }: { busy: boolean; label: string; busyLabel?: string }) {
  return (
    <p className="actions">
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </p>
  );
}
