#!/usr/bin/env node
// Runs one TypeScript file (bench scripts, the tests' writer processes) from a bundle of it that is
// rebuilt whenever a file it imports changes, or through tsx's loader (scripts/server-bundle.mjs).
import { importEntry } from '../scripts/server-bundle.mjs';
import { resolve } from 'node:path';

const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...rest];
await importEntry(resolve(file));
