// The worker around the reader: its time limit and heap limit become Chinese refusals, and a file
// is read the same as in the main thread.
import { describe, expect, it } from 'vitest';
import { ImportFailed, READ_LIMITS, idleReaders, readImportFile, readersStarted } from './read.ts';
import type { ImportType } from './types.ts';

const type = {
  type: 'demo',
  title: '演示',
  permission: 'demo',
  fields: [
    { name: 'ref', label: '编号', required: true, note: '', example: '' },
    { name: 'note', label: '备注', note: '', example: '' },
  ],
} as unknown as ImportType;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFailed) return error.errors.map((e) => e.message).join('\n');
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const csv = (rows: number, cell = '甲') => Buffer.from(['ref,note', ...Array.from({ length: rows }, (_, i) => `R${i},${cell}`)].join('\n'));

describe('readImportFile', () => {
  it('reads in a worker thread: several files at once, each with its own rows', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => readImportFile(type, 'f.csv', csv(n))));
    expect(results.map((r) => r.rows.length)).toEqual([1, 2, 3, 4]);
    expect(results[1].rows[1]).toEqual({ row: 3, cells: { ref: 'R1', note: '甲' } });
  });

  it('a read that outlasts the time limit is stopped with a Chinese refusal, and the next read works', async () => {
    await readImportFile(type, 'f.csv', csv(1)); // a warm reader: the limit stops the reading itself, not the thread's start
    expect(await refusal(readImportFile(type, 'f.csv', csv(100_000), { ...READ_LIMITS, seconds: 0.02 }))).toContain('读取文件超过 0.02 秒仍未完成');
    expect((await readImportFile(type, 'f.csv', csv(3))).rows).toHaveLength(3);
  });

  it('keeps a reader warm: the next file is read without starting a thread', async () => {
    await readImportFile(type, 'f.csv', csv(1));
    const before = readersStarted;
    for (let i = 0; i < 5; i++) expect((await readImportFile(type, 'f.csv', csv(2))).rows).toHaveLength(2);
    expect(readersStarted).toBe(before);
    // A file with errors is answered by the same thread too; a stopped one is replaced.
    expect((await readImportFile(type, 'f.csv', Buffer.from('note\n甲'))).errors.length).toBeGreaterThan(0);
    expect(readersStarted).toBe(before);
    const idleBefore = idleReaders();
    await refusal(readImportFile(type, 'f.csv', csv(100_000), { ...READ_LIMITS, seconds: 0.02 }));
    expect(idleReaders()).toBe(idleBefore - 1);
    expect((await readImportFile(type, 'f.csv', csv(1))).rows).toHaveLength(1);
  });

  it('a read that needs more heap than allowed is stopped with a Chinese refusal, and the next read works', async () => {
    // 100,000 rows of 300 characters: far more than a 32 MB heap holds as records.
    expect(await refusal(readImportFile(type, 'f.csv', csv(100_000, 'x'.repeat(300)), { ...READ_LIMITS, heapMb: 32 }))).toContain('读取文件所需内存超过 32 MB');
    expect((await readImportFile(type, 'f.csv', csv(2))).rows).toHaveLength(2);
  });

  it('refuses an unsupported extension without starting a worker', async () => {
    expect(await refusal(readImportFile(type, 'f.xls', Buffer.from('x')))).toContain('不支持的文件类型 .xls');
  });
});
