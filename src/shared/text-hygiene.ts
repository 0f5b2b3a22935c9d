// Text every input passes through (request bodies, query strings, form fields, import cells, file
// names): what is refused, what is stripped, and the limits on nesting and dates.
//
// - U+0000 is refused: PostgreSQL cannot store it and nobody types it.
// - Lone UTF-16 surrogates (U+D800–U+DFFF not in a valid pair, only reachable through JSON "\ud800"
//   escapes or character references) are refused: they are not text, PostgreSQL refuses them and
//   encodeURIComponent throws on them, so storing one would break every later download or export.
// - Bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) are stripped,
//   not refused: they carry no meaning in Chinese administrative text, and phones and office
//   software paste U+202A…U+202C around numbers, so refusing would turn away honest input, while
//   keeping them lets a name display differently from what it is ("报告\u202Efdp.exe").

/** Deepest nesting of arrays/objects accepted in a JSON body or a JSONL import line. */
export const MAX_JSON_DEPTH = 32;

/** Dates accepted anywhere: from the founding of the PRC to the end of the century. */
export const MIN_DATE = '1949-10-01';
export const MAX_DATE = '2100-12-31';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Removes bidirectional control characters. */
export function stripBidi(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Why a string cannot be accepted (Chinese, to follow the field's name), or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return '含有不允许的控制字符（U+0000）';
  if (LONE_SURROGATE.test(value)) return '含有无效的 Unicode 字符（不成对的代理项 U+D800–U+DFFF）';
  return null;
}

/** Whether JSON text nests arrays/objects deeper than `max`: a linear scan, so it cannot overflow the stack. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
