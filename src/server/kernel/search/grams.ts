// The words of a text for one- and two-character queries: every character and every pair of
// neighbouring characters (no spaces), each once. SQLite indexes them (FTS5 unicode61) through a
// function registered on every connection (kernel/db), so triggers can call it.
export const GRAMS_FUNCTION = 'fazhi_grams';

export function grams(text: unknown): string {
  if (typeof text !== 'string' || !text) return '';
  const chars = Array.from(text.toLowerCase());
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/\s/.test(c)) continue;
    out.add(c);
    const next = chars[i + 1];
    if (next && !/\s/.test(next)) out.add(c + next);
  }
  return [...out].join(' ');
}
