// Turns an import file (xlsx, csv, jsonl) into header-mapped rows of text cells, enforcing the
// limits while reading: the row cap, the inflated-XML cap of an xlsx (a 1.6 MB zip can hold 460 MB
// of XML), the cell size and the JSON nesting depth. Runs inside a worker thread (read-worker.mjs,
// started by read.ts), so a hostile file never holds the server's event loop; the worker's heap and
// run time are capped there too.
//
// xlsx is read here rather than with ExcelJS: ExcelJS loads every part of the zip and builds the
// whole workbook in memory before the first row can be counted (3.8 GB and 28 s for the bomb above).
// The zip's central directory is read directly, each part is inflated as a stream that counts its
// bytes, and the XML is parsed as it arrives (htmlparser2, which never expands DTD entities).
import { createInflateRaw } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import { parse as parseCsv } from 'csv-parse/sync';
import { jsonTooDeep } from '../../../shared/text-hygiene.ts';
import type { RowError } from './types.ts';

export interface ReadLimits {
  /** Data rows (after the header). */
  rows: number;
  /** Inflated bytes of all the parts of an xlsx that are read. */
  xmlBytes: number;
  /** Nesting of arrays/objects in one JSONL line. */
  depth: number;
}

/** The part of an import type the reader needs (plain data, so it can be sent to a worker). */
export interface HeaderField {
  name: string;
  label: string;
  required?: boolean;
}

export type Cells = Record<string, string | undefined>;
export interface RawRow {
  row: number;
  cells: Cells;
}
export interface ReadResult {
  rows: RawRow[];
  errors: RowError[];
}

export type FileKind = 'xlsx' | 'csv' | 'jsonl';

/** The file cannot be read at all (or breaks a limit): nothing is imported. */
export class ReadRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super(errors[0]?.message ?? 'refused');
  }
}

const refuse = (message: string, row = 0, column = ''): ReadRefused => new ReadRefused([{ row, column, message }]);

/** Excel's own limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;

const tooManyRows = (limits: ReadLimits) => refuse(`文件超过 ${limits.rows} 个数据行（一次最多导入 ${limits.rows} 行），已停止读取，全部数据均未写入；请拆分文件后分批导入`);

export function kindOf(filename: string): FileKind | null {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return null;
}

export async function parseImportFile(kind: FileKind, fields: HeaderField[], buffer: Buffer, limits: ReadLimits): Promise<ReadResult> {
  if (kind === 'xlsx') return readXlsx(fields, buffer, limits);
  if (kind === 'csv') return readCsv(fields, buffer, limits);
  return readJsonl(fields, buffer, limits);
}

// ---------------------------------------------------------------------------------------- headers

function mapHeaders(fields: HeaderField[], headers: string[]): { names: (string | null)[]; errors: RowError[] } {
  const index = new Map<string, string>();
  for (const f of fields) {
    index.set(f.name.toLowerCase(), f.name);
    index.set(f.label, f.name);
  }
  const errors: RowError[] = [];
  const names = headers.map((h) => {
    const key = h.trim();
    if (!key) return null;
    const name = index.get(key) ?? index.get(key.toLowerCase());
    if (!name) errors.push({ row: 1, column: key, message: `未知的列「${key}」` });
    return name ?? null;
  });
  for (const f of fields) {
    if (f.required && !names.includes(f.name)) errors.push({ row: 1, column: `${f.label}（${f.name}）`, message: `缺少必填列「${f.label}」（${f.name}）` });
  }
  return { names, errors };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

// ---------------------------------------------------------------------------------------- zip

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const notWorkbook = () => refuse('文件不是有效的 xlsx 工作簿');

/** The entries of a zip, from its central directory (no zip64: an import file is at most a few MB). */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notWorkbook();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notWorkbook();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (flags & 1) throw refuse('xlsx 工作簿已加密，请取消密码保护后再导入');
    entries.set(name.replace(/^\/+/, ''), { method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw notWorkbook();
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + entry.compressedSize > buf.length) throw notWorkbook();
  return buf.subarray(start, start + entry.compressedSize);
}

/** Counts inflated bytes across every part read from one workbook. */
interface Budget {
  used: number;
  limit: number;
}

/**
 * Streams one part's text to `onText` as it inflates; throws past the budget, so a bomb is stopped
 * after `limit` bytes however large it claims (or does not claim) to be.
 */
async function streamPart(buf: Buffer, entry: ZipEntry, budget: Budget, onText: (text: string) => void): Promise<void> {
  const data = entryData(buf, entry);
  const decoder = new StringDecoder('utf8');
  const take = (chunk: Buffer) => {
    budget.used += chunk.length;
    if (budget.used > budget.limit) {
      throw refuse(`xlsx 解压后的内容超过 ${Math.round(budget.limit / 2 ** 20)} MB（文件可能是压缩炸弹），已停止读取，全部数据均未写入`);
    }
    onText(decoder.write(chunk));
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 65_536) take(data.subarray(i, i + 65_536));
  } else if (entry.method === 8) {
    const inflate = createInflateRaw();
    inflate.end(data);
    try {
      for await (const chunk of inflate) take(chunk as Buffer);
    } catch (error) {
      if (error instanceof ReadRefused) throw error;
      throw notWorkbook();
    }
  } else {
    throw notWorkbook();
  }
  onText(decoder.end());
}

interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses one part as it inflates, calling the handlers with namespace prefixes removed. */
async function parsePart(buf: Buffer, entry: ZipEntry, budget: Budget, handlers: XmlHandlers): Promise<void> {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(localName(name), attrs),
      onclosetag: (name) => handlers.close?.(localName(name)),
      ontext: (text) => handlers.text?.(text),
    },
    { xmlMode: true, decodeEntities: true },
  );
  await streamPart(buf, entry, budget, (text) => parser.write(text));
  parser.end();
}

const attr = (attrs: Record<string, string>, local: string) => {
  for (const [key, value] of Object.entries(attrs)) if (localName(key) === local) return value;
  return undefined;
};

/** Resolves a relationship target against the folder of the part that declares it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

async function relationships(buf: Buffer, entries: Map<string, ZipEntry>, budget: Budget, part: string) {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = entries.get(relsPath);
  const rels: { id: string; type: string; target: string }[] = [];
  if (!entry) return rels;
  await parsePart(buf, entry, budget, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target) rels.push({ id: attrs.Id, type: attrs.Type ?? '', target: resolveTarget(part, attrs.Target) });
    },
  });
  return rels;
}

/** Built-in number formats that show dates (and times): 14–22, 45–47, and the CJK date formats 27–36, 50–58. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** A custom format is a date format when, outside [colours] and "literals", it uses date/time letters (as ExcelJS decides). */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The indexes of the cell styles (cellXfs) that show numbers as dates. */
async function dateStyles(buf: Buffer, entry: ZipEntry | undefined, budget: Budget): Promise<Set<number>> {
  const styles = new Set<number>();
  if (!entry) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await parsePart(buf, entry, budget, {
    open(name, attrs) {
      if (name === 'numFmt' && attrs.numFmtId) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) styles.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** Shared strings, joined from their runs (phonetic runs, rPh, left out). */
async function sharedStrings(buf: Buffer, entry: ZipEntry | undefined, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current = '';
  let inT = false;
  let phonetic = 0;
  await parsePart(buf, entry, budget, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !phonetic) inT = true;
    },
    text(text) {
      if (inT) current += text;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** An Excel serial day number as YYYY-MM-DD (as ExcelJS converts it), or null when out of range. */
function serialDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

async function readXlsx(fields: HeaderField[], buffer: Buffer, limits: ReadLimits): Promise<ReadResult> {
  const entries = zipEntries(buffer);
  const budget: Budget = { used: 0, limit: limits.xmlBytes };
  const root = await relationships(buffer, entries, budget, '');
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) throw notWorkbook();
  let firstSheet: string | undefined;
  let date1904 = false;
  await parsePart(buffer, workbookEntry, budget, {
    open(name, attrs) {
      if (name === 'sheet' && firstSheet === undefined) firstSheet = attr(attrs, 'id') ?? '';
      else if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
    },
  });
  if (firstSheet === undefined) throw refuse('工作簿中没有工作表');
  const rels = await relationships(buffer, entries, budget, workbookPath);
  const sheetEntry = entries.get(rels.find((r) => r.id === firstSheet)?.target ?? '');
  if (!sheetEntry) throw refuse('工作簿中没有工作表');
  const relOf = (suffix: string) => entries.get(rels.find((r) => r.type.endsWith(suffix))?.target ?? '');
  const dates = await dateStyles(buffer, relOf('/styles'), budget);
  const shared = await sharedStrings(buffer, relOf('/sharedStrings'), budget);

  let names: (string | null)[] | null = null;
  let errors: RowError[] = [];
  const rows: RawRow[] = [];
  let rowNumber = 0;
  let values: string[] = [];
  let col = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let v = '';
  let inline = '';
  let collect: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const cellValue = (): string | undefined => {
    switch (cellType) {
      case 's':
        return shared[Number(v)];
      case 'inlineStr':
        return inline;
      case 'str':
        return v;
      case 'b':
        return v === '' ? undefined : v === '1' || v === 'true' ? 'true' : 'false';
      case 'e':
        return undefined;
      case 'd':
        return Number.isNaN(Date.parse(v)) ? v : new Date(v).toISOString().slice(0, 10);
      default: {
        if (v.trim() === '') return undefined;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return (dates.has(cellStyle) && serialDate(n, date1904)) || String(n);
      }
    }
  };

  await parsePart(buffer, sheetEntry, budget, {
    open(name, attrs) {
      if (name === 'row') {
        rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw notWorkbook();
        values = [];
        col = 0;
      } else if (name === 'c') {
        col = attrs.r ? columnIndex(attrs.r) : col;
        if (col < 0 || col >= MAX_COLUMNS) throw notWorkbook();
        cellType = attrs.t ?? 'n';
        cellStyle = Number(attrs.s ?? 0);
        v = '';
        inline = '';
      } else if (name === 'v') {
        collect = 'v';
      } else if (name === 'is') {
        inInline = true;
      } else if (name === 'rPh') {
        phonetic++;
      } else if (name === 't' && inInline && !phonetic) {
        collect = 't';
      }
    },
    text(text) {
      if (collect === 'v') v += text;
      else if (collect === 't') inline += text;
      if (v.length > MAX_CELL_CHARS || inline.length > MAX_CELL_CHARS) {
        throw refuse(`单元格内容超过 ${MAX_CELL_CHARS} 个字符（Excel 单元格的上限）`, rowNumber, String(col + 1));
      }
    },
    close(name) {
      if (name === 'v' || name === 't') collect = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        const value = cellValue();
        if (value !== undefined) values[col] = value;
        col++;
      } else if (name === 'row') {
        if (names === null) {
          // The header is row 1; a sheet that does not start with it has no known columns.
          const headers = rowNumber === 1 ? Array.from(values, (h) => h ?? '') : [];
          ({ names, errors } = mapHeaders(fields, headers));
          if (rowNumber === 1) return;
        }
        const cells: Cells = {};
        names.forEach((field, i) => {
          if (field) cells[field] = clean(values[i]);
        });
        if (Object.values(cells).some((c) => c !== undefined)) {
          if (rows.length >= limits.rows) throw tooManyRows(limits);
          rows.push({ row: rowNumber, cells });
        }
      }
    },
  });
  if (names === null) ({ errors } = mapHeaders(fields, []));
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------- csv

function readCsv(fields: HeaderField[], buffer: Buffer, limits: ReadLimits): ReadResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `to` stops the parser one record past the cap (the header plus limits.rows data rows).
    records = parseCsv(buffer, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, to: limits.rows + 2, max_record_size: 2 ** 20 }) as any;
  } catch (error) {
    throw refuse(`CSV 格式错误：${(error as Error).message}`);
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 1, column: '', message: '文件为空，缺少表头' }] };
  if (records.length - 1 > limits.rows) throw tooManyRows(limits);
  const { names, errors } = mapHeaders(fields, records[0].record);
  const rows: RawRow[] = records.slice(1).map(({ record, info }) => {
    const cells: Cells = {};
    names.forEach((name, i) => {
      if (name) cells[name] = clean(record[i]);
    });
    if (record.length > names.length) errors.push({ row: info.lines, column: '', message: `列数（${record.length}）多于表头（${names.length}）` });
    return { row: info.lines, cells };
  });
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------- jsonl

function readJsonl(fields: HeaderField[], buffer: Buffer, limits: ReadLimits): ReadResult {
  const known = new Set(fields.map((f) => f.name));
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  const lines = buffer.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    if (++records > limits.rows) throw tooManyRows(limits);
    if (jsonTooDeep(line, limits.depth)) {
      errors.push({ row: i + 1, column: '', message: `该行嵌套过深（超过 ${limits.depth} 层），应为一个扁平的 JSON 对象` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ row: i + 1, column: '', message: '该行不是合法的 JSON' });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ row: i + 1, column: '', message: '该行应为一个 JSON 对象' });
      continue;
    }
    const cells: Cells = {};
    for (const [key, v] of Object.entries(value)) {
      if (!known.has(key)) {
        errors.push({ row: i + 1, column: key, message: `未知的字段「${key}」` });
        continue;
      }
      cells[key] = v === null || v === undefined ? undefined : clean(Array.isArray(v) ? v.join(';') : String(v));
    }
    rows.push({ row: i + 1, cells });
  }
  return { rows, errors };
}
