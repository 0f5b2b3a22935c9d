// What a submission answers, shown once: the tracking code and secret, a QR code of the tracking
// page's address, the way there, and the periods that now run (if the form has any).
import { useEffect, useRef } from 'react';
import { Link } from '../router.tsx';
import { Facts, officialDate } from '../present.tsx';
import { Periods } from './Periods.tsx';
import type { PublicFormView, SubmittedView } from './api.ts';

export default function Receipt({ form, done }: { form: PublicFormView; done: SubmittedView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {form.what}已提交
      </h2>
      <p>
        {done.unitName}已于{officialDate(done.receivedDate)}收到您的{done.title}。
      </p>
      <p className="notice">
        <strong>请立即保存下面的查询码和查询密码：查询密码只显示这一次，遗失后无法找回。</strong>凭它们可以查询办理进度、提交补正材料、下载答复文书。
      </p>
      <Facts
        className="credentials"
        items={[
          ['查询码', done.code],
          ['查询密码', done.secret],
        ]}
      />
      <figure className="qr">
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(done.qrSvg)}`} width={176} height={176} alt="进度查询二维码" />
        <figcaption>用手机扫描或截图保存这个二维码，可直接打开本{form.what}的进度查询页。</figcaption>
      </figure>
      <p className="actions">
        <Link className="button primary" to={done.trackPath}>
          查看办理进度
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          打印本页
        </button>
      </p>
      {/* A form with no statutory period for its sender (a rating, a comment) has no such heading over nothing. */}
      {form.periods.length > 0 && (
        <>
          <h2>办理期限</h2>
          <Periods periods={form.periods} />
        </>
      )}
    </section>
  );
}
