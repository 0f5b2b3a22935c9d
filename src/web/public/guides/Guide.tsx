// A how-to-apply page: what the law says in plain words, the periods computed for today, and the
// way to apply online and to track an application.
import type { ReactNode } from 'react';
import { HOME, Loading, PortalPage, Problem } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { Periods } from '../forms/Periods.tsx';
import { TRACK_PATH, formUrl, type PublicFormView } from '../forms/api.ts';

function TodaysPeriods({ formKey }: { formKey: string }) {
  const form = usePublicApi<PublicFormView>(formUrl(formKey));
  if (form.loading) return <Loading />;
  if (!form.data) return <Problem>暂时无法计算办理期限：{form.error?.message}</Problem>;
  return <Periods periods={form.data.periods} />;
}

export function Guide({ title, lead, formKey, applyPath, applyLabel, children }: { title: string; lead: string; formKey: string; applyPath: string; applyLabel: string; children: ReactNode }) {
  return (
    <PortalPage title={title} trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">{lead}</p>
      <p className="actions">
        <Link className="button primary" to={applyPath}>
          {applyLabel}
        </Link>
        <Link className="button" to={TRACK_PATH}>
          查询办理进度
        </Link>
      </p>
      <section aria-labelledby="periods">
        <h2 id="periods">办理期限</h2>
        <TodaysPeriods formKey={formKey} />
      </section>
      {children}
    </PortalPage>
  );
}
