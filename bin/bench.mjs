#!/usr/bin/env node
// `npm run bench`: the link-check benchmark (bench/run.ts), TypeScript through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
