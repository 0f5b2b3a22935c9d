#!/usr/bin/env node
// The `fazhi` command. Runs the TypeScript sources from a bundle that is rebuilt whenever a source
// file changes (scripts/server-bundle.mjs), or through tsx's loader when it cannot be built: there is
// no separate server build step.
import { CLI_ENTRY, importEntry } from '../scripts/server-bundle.mjs';

const { main } = await importEntry(CLI_ENTRY);
process.exitCode = await main(process.argv.slice(2));
