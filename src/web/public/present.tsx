// How the portal presents values: dates as a Chinese reader expects them (2026年3月20日) and
// label–value pairs as a description list. Not the shared chineseDate: its module brings zod along,
// several times a portal page's weight.
import type { ReactNode } from 'react';

export const officialDate = (iso: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

export function Facts({ items, className }: { items: [string, ReactNode][]; className: string }) {
  return (
    <dl className={className}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
