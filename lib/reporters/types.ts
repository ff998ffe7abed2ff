import type { DiagnosticJson, Rule } from '../../core/index.js';
import type { OutsideLinks } from '../../core/links/index.js';

/** What every reporter receives: plain diagnostics (no presentation) and the run's facts. */
export interface ReportInput {
  diagnostics: DiagnosticJson[];
  /** Number of documents checked. */
  files: number;
  /** The rules that ran (for SARIF's rule table). */
  rules: readonly Pick<Rule, 'id' | 'description'>[];
  /** Maps a diagnostic's `file` (relative to `--cwd`) to the path shown to the reader (for annotations: relative to the invoking directory). */
  displayPath?(file: string): string;
  /** A URL showing line `line` of `file` (a displayed path), for reports read on the web (the job summary); absent: no links. */
  lineUrl?(file: string, line: number): string;
  /** Colour output (a TTY without `NO_COLOR`). */
  color?: boolean;
  /** The links that point at routes outside every checked route (core/links/outside.ts), when counted. */
  outside?: OutsideLinks;
}

/** A reporter turns the findings into the text written to stdout. One module per format. */
export type Reporter = (input: ReportInput) => string;

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Links to routes outside every checked route, by the route's first segment, and the checked routes (when counted). */
  outside?: OutsideLinks;
}

export function summarise(input: ReportInput): Summary {
  let errors = 0;
  let warnings = 0;
  for (const d of input.diagnostics) d.severity === 'error' ? errors++ : warnings++;
  return { files: input.files, errors, warnings, ...(input.outside ? { outside: input.outside } : {}) };
}

/** "12 links point outside every checked route (/blog: 9, /api: 3; checked: /docs)", or null when none does. */
export function outsideLine(outside: OutsideLinks | undefined): string | null {
  if (!outside || outside.links === 0) return null;
  const routes = Object.entries(outside.routes).map(([route, n]) => `${route}: ${n}`).join(', ');
  return `${outside.links} link${outside.links === 1 ? '' : 's'} point${outside.links === 1 ? 's' : ''} outside every checked route (${routes}; checked: ${outside.checked.join(', ')})`;
}
