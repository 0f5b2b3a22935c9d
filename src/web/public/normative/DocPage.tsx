// One published normative document: its numbers, dates and status (已失效 and the like said plainly),
// then its text as published.
import { ApiError } from '../../api.ts';
import { HOME, Loading, PortalPage, Problem } from '../layout.tsx';
import { Link, type PageProps } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { Facts } from '../present.tsx';
import { LIBRARY_PATH, docUrl, type PublicNormativeText } from './api.ts';

const TRAIL = [
  { label: '首页', to: HOME },
  { label: '规范性文件库', to: LIBRARY_PATH },
];

function Doc({ doc }: { doc: PublicNormativeText }) {
  const facts: [string, string][] = [
    ['文号', doc.docNumber ?? '—'],
    ['统一登记号', doc.registerNumber ?? '—'],
    ['起草单位', doc.unitName],
    ['公布日期', doc.issuedDate],
    ['有效期至', doc.validUntil ?? '—'],
    ['状态', doc.endedDate && doc.status !== 'in_force' ? `${doc.statusLabel}（${doc.endedDate}）` : doc.statusLabel],
  ];
  return (
    <>
      {doc.status !== 'in_force' && <Problem>{`本文件${doc.statusLabel}，仅供查阅，不再作为行政管理的依据。`}</Problem>}
      <Facts className="doc-meta" items={facts} />
      <article className="doc" aria-label="文件全文">
        {(doc.body ?? '').split('\n').filter((p) => p.trim()).map((p, i) => <p key={i}>{p}</p>)}
      </article>
      <p>
        <Link to={LIBRARY_PATH}>返回规范性文件库</Link>
      </p>
    </>
  );
}

export default function DocPage({ params }: PageProps) {
  const doc = usePublicApi<PublicNormativeText>(docUrl(params.id ?? ''));
  if (doc.data) {
    return (
      <PortalPage title={doc.data.title} trail={TRAIL} headingClass="doc-title">
        <Doc doc={doc.data} />
      </PortalPage>
    );
  }
  const missing = doc.error instanceof ApiError && doc.error.status === 404;
  return (
    <PortalPage title={doc.loading ? '规范性文件' : missing ? '文件不存在或尚未公布' : '暂时无法读取文件'} trail={TRAIL}>
      {doc.loading ? <Loading /> : <Problem>{missing ? '这份文件不存在，或尚未公布。' : doc.error?.message}</Problem>}
      <p>
        <Link to={LIBRARY_PATH}>返回规范性文件库</Link>
      </p>
    </PortalPage>
  );
}
