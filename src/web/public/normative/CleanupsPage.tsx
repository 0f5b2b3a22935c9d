// 规范性文件清理结果: each finished cleanup of the county's normative documents, newest first, with
// every document's result (保留、修改、废止、宣布失效) and the reason, as the law office published it.
import { HOME, PortalPage, Problem } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { LIBRARY_PATH } from './api.ts';
import type { PublicCleanup } from '../../../shared/schemas/normative.ts';

export default function CleanupsPage() {
  const list = usePublicApi<{ items: PublicCleanup[] }>('/public/normdoc-cleanups');
  const items = list.data?.items ?? [];
  return (
    <PortalPage title="规范性文件清理结果" trail={[{ label: '首页', to: HOME }, { label: '规范性文件库', to: LIBRARY_PATH }]}>
      <p className="lead">县政府组织对现行有效的行政规范性文件进行清理，逐件提出保留、修改、废止或宣布失效的意见。决定废止、宣布失效的文件自清理结果公布之日起不再执行；决定修改的文件在修改公布前继续有效。</p>
      <p className="status" role="status">{list.loading ? '正在加载…' : list.data && !items.length ? '尚未公布清理结果' : ''}</p>
      {list.error && <Problem>暂时无法读取清理结果：{list.error.message}</Problem>}
      {items.map((c) => (
        <section key={c.id} aria-labelledby={`cleanup-${c.id}`}>
          <h2 id={`cleanup-${c.id}`}>{c.title}</h2>
          <p className="item-meta">{`${c.kindLabel} · ${c.unitName}组织 · ${c.finishedDate} 公布 · 清理文件 ${c.items.length} 件，其中修改、废止或宣布失效 ${c.items.filter((i) => i.result !== 'keep').length} 件`}</p>
          <ul className="item-list">
            {c.items.map((i) => (
              <li key={i.docId}>
                <Link to={`${LIBRARY_PATH}/${encodeURIComponent(i.docId)}`}>{i.title}</Link>
                <span className="item-meta">
                  {[i.docNumber, i.unitName].filter(Boolean).join(' · ')}
                  {' · '}
                  <strong>{i.resultLabel}</strong>
                  {i.reason && `（${i.reason}）`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PortalPage>
  );
}
