// 年度重大行政决策事项目录: the year's items once the Party committee consented, with their owner
// unit, planned time and progress; items added or withdrawn during the year with their reasons.
import { HOME, PortalPage, Problem } from '../layout.tsx';
import { navigate, useLocation } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { CATALOG_PATH, DECISIONS_PATH, type PublicCatalog } from './api.ts';

export default function CatalogPage() {
  const { params } = useLocation();
  const year = params.get('year');
  const cat = usePublicApi<PublicCatalog>(`/public/decision-catalog${year ? `?year=${encodeURIComponent(year)}` : ''}`);
  const c = cat.data;
  return (
    <PortalPage title={c ? `${c.year}年度重大行政决策事项目录` : '重大行政决策事项目录'} trail={[{ label: '首页', to: HOME }, { label: '公开征求意见', to: DECISIONS_PATH }]}>
      <p className="lead">依据《重大行政决策程序暂行条例》第三条，年度重大行政决策事项目录经同级党委同意后向社会公布，并根据实际情况调整。</p>
      {c && c.years.length > 1 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="catalog-year">年度</label>
            <select id="catalog-year" value={c.year} onChange={(e) => navigate(`${CATALOG_PATH}?year=${e.target.value}`, { replace: true })}>
              {c.years.map((y) => <option key={y} value={y}>{`${y}年`}</option>)}
            </select>
          </div>
        </form>
      )}
      {cat.error && <Problem>暂时无法读取目录：{cat.error.message}</Problem>}
      {c && (c.items.length ? <p className="status">{`${c.publishedDate} 公布，共 ${c.items.length} 项`}</p> : <p className="status">该年度目录尚未公布</p>)}
      {c && c.items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">决策事项</caption>
          <thead><tr><th scope="col">序号</th><th scope="col">决策事项</th><th scope="col">承办单位</th><th scope="col">计划完成时间</th><th scope="col">进展</th></tr></thead>
          <tbody>
            {c.items.map((i, n) => (
              <tr key={i.id}>
                <td>{n + 1}</td>
                <td>
                  {i.withdrawn ? <s>{i.title}</s> : i.title}
                  {i.added && <div className="item-meta">{`${i.added.date} 增补：${i.added.reason ?? ''}`}</div>}
                  {i.withdrawn && <div className="item-meta">{`${i.withdrawn.date} 调出目录：${i.withdrawn.reason ?? ''}`}</div>}
                </td>
                <td>{i.unitName}</td>
                <td>{i.plannedDate ?? ''}</td>
                <td>{i.progress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PortalPage>
  );
}
