// 红黄牌: the traffic light of an open deadline, with the deadline's explanation on hover.
import { Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { CalendarYearView } from '../../shared/schemas/calendar.ts';

export const LIGHT_STYLE: Record<string, { color: string; label: string }> = {
  red: { color: 'red', label: '逾期' },
  yellow: { color: 'gold', label: '临期' },
  green: { color: 'green', label: '正常' },
  paused: { color: 'default', label: '暂停' },
};

export function Explanation({ lines }: { lines: string[] }) {
  return (
    <div style={{ maxWidth: 460, fontSize: 12, lineHeight: 1.7 }}>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}

/**
 * Whether a date falls in a year whose holidays nobody has entered yet: a deadline there was counted
 * on weekends alone and may move when the State Council's notice is entered. Shares the calendar
 * page's cache, so entering the notice there clears 暂定 everywhere.
 */
function useUnknownYear(date: string, asked: boolean): boolean {
  const { can } = useAuth();
  const year = Number(date.slice(0, 4));
  const view = useQuery({ queryKey: ['calendar-year', year], queryFn: () => get<CalendarYearView>(`/calendar/years/${year}`), enabled: asked && can('calendar.read') && year > 2000, staleTime: 300_000 });
  return view.data ? !view.data.known : false;
}

/**
 * `provisional`: what a clock's own view says of its count. Without it (a ledger's row gives only the
 * date), a counted deadline is provisional in a year the calendar does not know; a `fixed` one (a date a
 * document or a person set: 完成时限, 整改期限, 次年4月1日前) never moves with the holidays.
 */
export function DueTag({ due, light, workingDaysLeft, provisional: counted, fixed, explanation }: { due: string; light: string | null; workingDaysLeft?: number | null; provisional?: boolean; fixed?: boolean; explanation?: string[] }) {
  const unknownYear = useUnknownYear(due, counted === undefined && !fixed);
  const provisional = counted ?? (!fixed && unknownYear);
  const style = LIGHT_STYLE[light ?? ''] ?? { color: 'default', label: '' };
  const known = workingDaysLeft !== undefined && workingDaysLeft !== null;
  const left = light === 'red' ? (known && workingDaysLeft !== 0 ? `逾期 ${Math.abs(workingDaysLeft)} 个工作日` : '') : light === 'paused' ? '恢复后顺延' : workingDaysLeft === 0 ? '今天到期' : workingDaysLeft !== undefined && workingDaysLeft !== null ? `剩 ${workingDaysLeft} 个工作日` : '';
  const tag = (
    <Tag color={style.color} style={{ marginInlineEnd: 0 }} data-light={light ?? ''}>
      {style.label ? `${style.label} · ` : ''}
      {due}
      {provisional ? '（暂定）' : ''}
      {left ? ` · ${left}` : ''}
    </Tag>
  );
  return explanation ? <Tooltip title={<Explanation lines={explanation} />} overlayStyle={{ maxWidth: 500 }}>{tag}</Tooltip> : tag;
}

/** A deadline with its light while its clock runs, the date alone once stopped, '—' when there is none. */
export const dueValue = (due: string | null | undefined, light: string | null | undefined) => (due && light ? <DueTag due={due} light={light} /> : (due ?? '—'));

/** 超期答复 beside the status of a record answered after its deadline. */
export const lateReplyTag = (record: { onTime?: boolean | null }) => record.onTime === false && <Tag color="red">超期答复</Tag>;

/**
 * A deadline someone set (a task's 完成时限, a finding's 整改期限) as its clock counts it: the clock's
 * date with its light, and the date set beside it when paused days moved the clock past it.
 */
export function SetDeadline({ set, due, light, overdue }: { set: string; due: string; light: string | null; overdue?: boolean }) {
  const shown = light ? <DueTag due={due} light={light} fixed /> : <span style={{ color: overdue ? '#cf1322' : undefined }}>{due}</span>;
  if (set === due) return shown;
  return (
    <Tooltip title="暂停期间（如等待确认、核查）不计入，期限相应顺延">
      <span>
        {shown}
        <span style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12, marginInlineStart: 4 }}>原定 {set}</span>
      </span>
    </Tooltip>
  );
}
