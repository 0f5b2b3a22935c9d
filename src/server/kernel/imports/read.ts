// Reads an import file off the request path: in a worker thread with a capped heap, a time limit and
// the row / inflated-size / depth caps enforced while reading (parse.ts). A hostile file (an xlsx
// zip bomb, a CSV of a million rows, a JSONL line nested 20,000 deep) is refused with a Chinese
// message while the server goes on answering; at most two files are read at once.
import { Worker } from 'node:worker_threads';
import type { ImportType, RowError } from './types.ts';
import { kindOf, type HeaderField, type RawRow, type ReadLimits } from './parse.ts';
import { MAX_JSON_DEPTH } from '../../../shared/text-hygiene.ts';

export type { RawRow, Cells } from './parse.ts';

export const MAX_IMPORT_ROWS = 100_000;

export const READ_LIMITS: ReadLimits & { seconds: number; heapMb: number } = {
  rows: MAX_IMPORT_ROWS,
  // 100,000 rows of ten cells written by Excel or ExcelJS come to ~50 MB of sheet XML; three times that is no workbook's.
  xmlBytes: 160 * 2 ** 20,
  depth: MAX_JSON_DEPTH,
  seconds: 30,
  heapMb: 512,
};

/** Readers running at once (each a worker with up to `heapMb` of heap); more wait their turn. */
const MAX_CONCURRENT_READS = 2;

/** A refusal lists at most this many errors (the first by row); its message gives the total. */
export const MAX_LISTED_ERRORS = 200;

export class ImportFailed extends Error {
  /** The errors listed (the first MAX_LISTED_ERRORS); `total` counts them all. */
  readonly errors: RowError[];
  readonly total: number;
  constructor(errors: RowError[], message?: string) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    super(message ?? `导入未执行：共 ${errors.length} 处错误${listed.length < errors.length ? `（列出前 ${listed.length} 处）` : ''}，全部数据均未写入`);
    this.errors = listed;
    this.total = errors.length;
  }
}

const WORKER = new URL('./read-worker.mjs', import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const refusal = (message: string) => new ImportFailed([{ row: 0, column: '', message }]);

/** A reader thread, kept warm between files: starting one (loading the parsers) costs ~300 ms. */
interface Reader {
  worker: Worker;
  heapMb: number;
}

/** Readers that finished a file cleanly and wait for the next (one that failed or timed out is ended). */
const idle: Reader[] = [];

/** Reader threads started since the process began, and those idle now (the pool's tests count them). */
export let readersStarted = 0;
export const idleReaders = () => idle.length;

function startReader(heapMb: number): Reader {
  readersStarted++;
  const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } });
  return { worker, heapMb };
}

type Answer = { ok: true; rows: RawRow[]; errors: RowError[] } | { ok: false; errors: RowError[] };

function readInWorker(kind: string, fields: HeaderField[], buffer: Buffer, limits: typeof READ_LIMITS): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  const warm = idle.findIndex((r) => r.heapMb === limits.heapMb);
  const reader = warm >= 0 ? idle.splice(warm, 1)[0]! : startReader(limits.heapMb);
  const { worker } = reader;
  // Busy, the thread keeps the process alive (the CLI awaits it); idle, it does not.
  worker.ref();
  return new Promise((resolve, reject) => {
    let settled = false;
    const onMessage = (answer: Answer) => settle(() => (answer.ok ? resolve({ rows: answer.rows, errors: answer.errors }) : reject(new ImportFailed(answer.errors))), true);
    const onError = (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusal(`读取文件所需内存超过 ${limits.heapMb} MB（文件过大或过于复杂），已停止，全部数据均未写入；请拆分文件后分批导入`) : error));
    const onExit = (code: number) => settle(() => reject(new Error(`import reader exited (code ${code}) without an answer`)));
    function settle(fn: () => void, reusable = false) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable && idle.length < MAX_CONCURRENT_READS) {
        worker.unref();
        idle.push(reader);
      } else void worker.terminate();
      fn();
    }
    const timer = setTimeout(
      () => settle(() => reject(refusal(`读取文件超过 ${limits.seconds} 秒仍未完成（文件过大或过于复杂），已停止，全部数据均未写入；请拆分文件后分批导入`))),
      limits.seconds * 1000,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ kind, fields, bytes: buffer, limits });
  });
}

/** The file's rows (cells by field name) and its header errors; throws ImportFailed when it cannot be read. */
export async function readImportFile(type: ImportType, filename: string, buffer: Buffer, limits = READ_LIMITS): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  const kind = kindOf(filename);
  if (!kind) {
    const ext = filename.toLowerCase().split('.').pop();
    throw refusal(`不支持的文件类型 .${ext}：请使用 .xlsx、.csv 或 .jsonl`);
  }
  const fields = type.fields.map((f) => ({ name: f.name, label: f.label, required: f.required }));
  return withSlot(() => readInWorker(kind, fields, buffer, limits));
}
