#!/usr/bin/env node
// The `fazhi` command. Runs the TypeScript sources directly through tsx's loader,
// so there is no separate server build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
