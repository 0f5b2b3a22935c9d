// The statutory periods for an application made today, computed by the server on the working-day
// calendar: "如今天提交，最迟将于…前作出答复".
import { officialDate } from '../present.tsx';
import type { PublicFormView } from './api.ts';

export function Periods({ periods }: { periods: PublicFormView['periods'] }) {
  if (!periods.length) return null;
  return (
    <div className="periods">
      <p>如今天提交：</p>
      <ul>
        {periods.map((p) => (
          <li key={p.ruleName}>
            最迟将于<strong>{officialDate(p.due)}</strong>前{p.action}
            {p.provisional && '（该日期按尚未公布的节假日安排暂定）'}
            <span className="item-meta">
              依据：{p.ruleName}，{p.citation}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
