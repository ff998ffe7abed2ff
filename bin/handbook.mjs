#!/usr/bin/env node
// The `handbook` command. The CLI is TypeScript; tsx compiles it on the fly
// so there is no build step between editing and running.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv.slice(2));
