// 进度查询: the applicant's code and secret (typed, or from the QR code's address fragment, which is
// cleared at once) open their application's status, dates and deadlines; they answer a supplement
// request with text and files, and download what staff sent them. The secret stays in this page's
// memory only.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HOME, PortalPage } from '../layout.tsx';
import { Facts, officialDate } from '../present.tsx';
import { FieldFrame, FilePicker, ProblemSummary, Submit, ariaOf, fileProblem, problemsOf, useAttempts, type Problems } from '../forms/fields.tsx';
import { answerSupplement, downloadReply, track, type Credentials, type TrackView } from '../forms/api.ts';

const SUPPLEMENT_MAX = 3000;

function Lookup({ onOpen }: { onOpen: (credentials: Credentials) => Promise<Problems> }) {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const { problems, attempt, busy, run } = useAttempts();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = {};
    if (!code.trim()) found.code = '请填写查询码';
    if (!secret.trim()) found.secret = '请填写查询密码';
    run(found, () => onOpen({ code, secret }));
  };
  return (
    <>
      <ProblemSummary problems={problems} labels={{ code: '查询码', secret: '查询密码' }} refocus={attempt} />
      <form className="public-form narrow" noValidate onSubmit={submit}>
        <FieldFrame name="code" label="查询码" required hint="提交申请后得到的 12 位查询码，如 7K3M-9QXD-4TRA" problem={problems.code}>
          <input id="code" type="text" autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} {...ariaOf('code', true, problems.code)} />
        </FieldFrame>
        <FieldFrame name="secret" label="查询密码" required hint="与查询码一同得到的 16 位查询密码" problem={problems.secret}>
          <input id="secret" type="text" autoComplete="off" autoCapitalize="characters" value={secret} onChange={(e) => setSecret(e.target.value)} {...ariaOf('secret', true, problems.secret)} />
        </FieldFrame>
        <Submit busy={busy} label="查询" busyLabel="正在查询…" />
      </form>
    </>
  );
}

/** The dates that matter, in the order they happened (the supplement request after the receipt). */
function dated(view: TrackView): [string, string][] {
  const [received, ...later] = view.dates.map((d) => [d.label, d.date] as [string, string]);
  const supplement: [string, string][] = view.supplement ? [['通知补正', view.supplement.requestedOn]] : [];
  return [...(received ? [received] : []), ...supplement, ...later];
}

function Dates({ view }: { view: TrackView }) {
  return (
    <Facts
      className="facts"
      items={[
        ['申请事项', view.title],
        ['受理机关', view.unitName],
        ['查询码', view.code],
        ['办理状态', <strong className={`state${view.final ? ' final' : ''}`}>{view.status}</strong>],
        ...dated(view).map(([label, date]): [string, string] => [`${label}日期`, officialDate(date)]),
      ]}
    />
  );
}

const clockLine = (c: TrackView['clocks'][number]) =>
  c.state === 'stopped' ? `已于${officialDate(c.stoppedOn ?? c.due)}办结` : c.state === 'paused' ? `暂停计时（补正期间不计入），目前最迟${officialDate(c.due)}` : `最迟${officialDate(c.due)}`;

function Clocks({ clocks }: { clocks: TrackView['clocks'] }) {
  if (!clocks.length) return null;
  return (
    <section aria-labelledby="clocks">
      <h2 id="clocks">办理期限</h2>
      <ul className="item-list">
        {clocks.map((c) => (
          <li key={c.label}>
            {c.label}：{clockLine(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SupplementForm({ upload, credentials, onAnswered }: { upload: TrackView['upload']; credentials: Credentials; onAnswered: (view: TrackView) => void }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { problems, attempt, busy, run } = useAttempts();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Problems = {};
    if (!text.trim()) found.text = '请填写补正内容';
    else if (text.trim().length > SUPPLEMENT_MAX) found.text = `补正内容不能超过 ${SUPPLEMENT_MAX} 个字符`;
    const fileIssue = fileProblem(files, '补正材料', upload.accept, upload.maxBytes);
    if (fileIssue) found.files = fileIssue;
    run(found, async () => onAnswered(await answerSupplement(credentials, text.trim(), files)));
  };
  return (
    <>
      <ProblemSummary problems={problems} labels={{ text: '补正内容', files: '补正材料' }} refocus={attempt} />
      <form className="public-form" noValidate onSubmit={submit}>
        <FieldFrame name="text" label="补正内容" required hint="说明补正的情况；材料可作为附件上传" problem={problems.text}>
          <textarea id="text" rows={5} value={text} onChange={(e) => setText(e.target.value)} {...ariaOf('text', true, problems.text)} />
        </FieldFrame>
        <FilePicker name="files" label="补正材料" hint={null} files={files} max={upload.max} maxBytes={upload.maxBytes} accept={upload.accept} problem={problems.files} onChange={setFiles} />
        <Submit busy={busy} label="提交补正" />
      </form>
    </>
  );
}

function Supplement({ view, credentials, onAnswered }: { view: TrackView; credentials: Credentials; onAnswered: (view: TrackView) => void }) {
  if (!view.supplement && !view.answers.length) return null;
  return (
    <section aria-labelledby="supplement">
      <h2 id="supplement">补正</h2>
      {view.supplement?.open && (
        <div className="notice">
          <p>
            <strong>需要您补正：</strong>
            {view.supplement.note ?? '请按受理机关的要求补正申请材料。'}
          </p>
          <p>受理机关于{officialDate(view.supplement.requestedOn)}通知补正。请尽快提交，补正后将重新计算办理期限。</p>
        </div>
      )}
      {view.supplement?.open && <SupplementForm upload={view.upload} credentials={credentials} onAnswered={onAnswered} />}
      {view.answers.map((a, i) => (
        <div key={i} className="answer">
          <p className="item-meta">您于{officialDate(a.answeredOn)}提交的补正：</p>
          <p>{a.text}</p>
          {a.files.length > 0 && <p className="item-meta">附件：{a.files.join('、')}</p>}
        </div>
      ))}
    </section>
  );
}

function Replies({ view, credentials }: { view: TrackView; credentials: Credentials }) {
  const [problem, setProblem] = useState('');
  const download = (reply: TrackView['replies'][number]) => downloadReply(credentials, reply).then(() => setProblem(''), (e: Error) => setProblem(`下载失败：${e.message}`));
  return (
    <section aria-labelledby="replies">
      <h2 id="replies">答复文书</h2>
      {view.replies.length ? (
        <ul className="item-list">
          {view.replies.map((r) => (
            <li key={r.id} className="reply">
              <span>
                {r.filename}
                <span className="item-meta">{officialDate(r.releasedOn)}发送</span>
              </span>
              <button type="button" className="button" onClick={() => download(r)}>
                下载<span className="visually-hidden">{r.filename}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无。受理机关发送答复文书后，可在这里下载。</p>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function Application({ view, credentials, onChange, onClose }: { view: TrackView; credentials: Credentials; onChange: (view: TrackView) => void; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [answered, setAnswered] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h2 id="summary" tabIndex={-1} ref={heading}>
        办理情况
      </h2>
      <p className="status" role="status">
        {answered ? '补正材料已提交，受理机关将重新审查。' : ''}
      </p>
      <Dates view={view} />
      <Clocks clocks={view.clocks} />
      <Supplement
        view={view}
        credentials={credentials}
        onAnswered={(next) => {
          setAnswered(true);
          onChange(next);
        }}
      />
      <Replies view={view} credentials={credentials} />
      <p className="actions">
        <button type="button" className="button" onClick={onClose}>
          查询其他申请
        </button>
      </p>
    </>
  );
}

/** Code and secret from the address fragment (the QR code, the receipt's link), removed from the address at once. */
function fromFragment(): Credentials | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const [code, secret] = [fragment.get('code'), fragment.get('secret')];
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return code && secret ? { code, secret } : null;
}

export default function TrackPage() {
  const [opened, setOpened] = useState<{ credentials: Credentials; view: TrackView } | null>(null);
  const [problem, setProblem] = useState('');
  const open = async (credentials: Credentials): Promise<Problems> => {
    try {
      setOpened({ credentials, view: await track(credentials) });
      return {};
    } catch (error) {
      return problemsOf(error);
    }
  };
  useEffect(() => {
    const given = fromFragment();
    if (given) open(given).then((p) => setProblem(Object.values(p).join('；')));
  }, []);
  return (
    <PortalPage title="办理进度查询" trail={[{ label: '首页', to: HOME }]}>
      {opened ? (
        <Application view={opened.view} credentials={opened.credentials} onChange={(view) => setOpened({ ...opened, view })} onClose={() => setOpened(null)} />
      ) : (
        <>
          <p className="lead">输入网上申请时得到的查询码和查询密码，查看办理进度、提交补正材料、下载答复文书。</p>
          {problem && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <Lookup onOpen={open} />
        </>
      )}
    </PortalPage>
  );
}
