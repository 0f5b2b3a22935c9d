// The worker thread that reads import files, one at a time (started and kept warm by read.ts, parsing in parse.ts). Plain
// JavaScript so that it starts the same way under `npm start` and the CLI (bin/fazhi.mjs registers
// tsx in the main thread only) and under vitest: it registers tsx itself, then loads the reader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseImportFile, ReadRefused } = await import('./parse.ts');
parentPort.on('message', async ({ kind, fields, bytes, limits }) => {
  try {
    const result = await parseImportFile(kind, fields, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
    parentPort.postMessage({ ok: true, rows: result.rows, errors: result.errors });
  } catch (error) {
    // Anything else is a bug: thrown, it ends the thread and reaches read.ts as its 'error' event.
    if (!(error instanceof ReadRefused)) throw error;
    parentPort.postMessage({ ok: false, errors: error.errors });
  }
});
