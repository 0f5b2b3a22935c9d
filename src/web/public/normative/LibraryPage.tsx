// 规范性文件库: published documents, 现行有效 unless the visitor asks for all; searched by title,
// number and text, filtered by year and drafting unit; the filter lives in the address.
import { HOME, PortalPage } from '../layout.tsx';
import { Link } from '../router.tsx';
import { usePublicApi } from '../data.ts';
import { FilterForm, KeywordField, ListStatus, Pager, UnitField, useAddressFilter } from '../listing.tsx';
import { LIBRARY_PATH, libraryUrl, type LibraryFilter, type PublicNormativeLibrary } from './api.ts';

function Filters({ filter, change, library }: { filter: LibraryFilter; change: (key: Exclude<keyof LibraryFilter, 'page'>, value: string) => void; library: PublicNormativeLibrary | undefined }) {
  return (
    <FilterForm label="检索规范性文件">
      <KeywordField value={filter.q ?? ''} placeholder="文件名称、文号或正文中的词语" onSearch={(words) => change('q', words)} />
      <div className="field">
        <label htmlFor="filter-status">文件状态</label>
        <select id="filter-status" value={filter.status ?? ''} onChange={(e) => change('status', e.target.value)}>
          <option value="">现行有效</option>
          <option value="all">全部（含已修改、废止、失效）</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-year">公布年度</label>
        <select id="filter-year" value={filter.year ?? ''} onChange={(e) => change('year', e.target.value)}>
          <option value="">全部年度</option>
          {(library?.years ?? []).map((y) => <option key={y} value={y}>{`${y}年`}</option>)}
        </select>
      </div>
      <UnitField label="起草单位" units={library?.units} value={filter.unit ?? ''} onChange={(unit) => change('unit', unit)} />
    </FilterForm>
  );
}

export default function LibraryPage() {
  const { filter, change, goPage } = useAddressFilter(LIBRARY_PATH, ['q', 'year', 'unit', 'status']);
  const list = usePublicApi<PublicNormativeLibrary>(libraryUrl(filter));
  const data = list.data;
  return (
    <PortalPage title="行政规范性文件库" trail={[{ label: '首页', to: HOME }]}>
      <p className="lead">县政府及各部门经合法性审查、集体审议并统一登记、统一编号、统一公布的行政规范性文件。已修改、废止或有效期届满的文件注明其状态，不再作为行政管理的依据。历次清理的结果见<Link to="/public/normdoc-cleanups">规范性文件清理结果</Link>。</p>
      <Filters key={filter.q} filter={filter} change={change} library={data} />
      <ListStatus answer={list} count={(d) => d.total} measure="件" none="没有符合条件的文件" what="文件库" />
      <ul className="item-list">
        {(data?.items ?? []).map((d) => (
          <li key={d.id}>
            <Link to={`${LIBRARY_PATH}/${encodeURIComponent(d.id)}`}>{d.title}</Link>
            <span className="item-meta">
              {[d.docNumber, d.unitName, `公布日期 ${d.issuedDate}`, d.validUntil && `有效期至 ${d.validUntil}`].filter(Boolean).join(' · ')}
              {d.status !== 'in_force' && <strong>{` · ${d.statusLabel}`}</strong>}
            </span>
          </li>
        ))}
      </ul>
      <Pager answer={data} go={goPage} />
    </PortalPage>
  );
}
