import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { pretty } from './pretty.js';
import { sarif } from './sarif.js';
import type { Reporter } from './types.js';

/** The output formats of `handbook check --format`, one module each. */
export const reporters = { pretty, json, github, sarif, markdown } satisfies Record<string, Reporter>;
export type Format = keyof typeof reporters;
export type { Reporter, ReportInput, Summary } from './types.js';
export { summarise } from './types.js';
