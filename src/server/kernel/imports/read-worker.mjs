// The worker thread that reads import files, one at a time (started and kept warm by read.ts, parsing in parse.ts). Plain
// JavaScript so that it starts the same way under `npm start`, the CLI and vitest: it loads the reader
// from a bundle of parse.ts, or through tsx when that cannot be built (scripts/server-bundle.mjs).
import { parentPort } from 'node:worker_threads';
import { importEntry, READER_ENTRY } from '../../../../scripts/server-bundle.mjs';

const { parseImportFile, ReadRefused } = await importEntry(READER_ENTRY);
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
