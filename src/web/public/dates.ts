// Dates as a Chinese reader expects them (2026年3月20日). Not the shared chineseDate: its module
// brings zod along, several times a portal page's weight.
export const officialDate = (iso: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
