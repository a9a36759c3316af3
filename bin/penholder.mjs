#!/usr/bin/env node
// The `penholder` command line: loads the TypeScript sources through tsx so that it works right after
// `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
