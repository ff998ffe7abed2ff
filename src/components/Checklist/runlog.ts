/**
 * The run log an operator exports at the end of a procedure: what was run,
 * from which version of the doc, with which parameters (secrets masked),
 * which steps were done, when and by whom. Pure functions: no DOM.
 */
import type { Tick } from './store';
import type { StepParam } from '../../../core/steps';
import { paramValueProblem } from '../../../core/copy';

/** A parameter as the core declares it (front matter `params`), serialised into the page. */
export type ParamSpec = StepParam;

export interface StepSummary {
  id: string;
  title: string;
  section: string | null;
  minutes: number | null;
  danger: boolean;
}

export interface RunLogInput {
  doc: string;
  title: string;
  version: string;
  permalink: string;
  /** Absolute URL of the page when known. */
  url?: string;
  params: ParamSpec[];
  values: Record<string, string>;
  steps: StepSummary[];
  ticks: Record<string, Tick>;
  operator: string;
  exportedAt: string;
}

export const SECRET_MASK = '********';

export interface RunLog {
  schemaVersion: 1;
  doc: string;
  title: string;
  version: string;
  permalink: string;
  operator: string | null;
  exportedAt: string;
  done: number;
  total: number;
  params: { name: string; value: string | null; secret: boolean }[];
  steps: { id: string; title: string; section: string | null; status: 'done' | 'open'; at: string | null; by: string | null; danger: boolean }[];
}

/** The value a parameter has on the page: what the operator typed, else its default. */
export function paramValue(spec: ParamSpec, values: Record<string, string>): string | null {
  const value = values[spec.name];
  return value !== undefined && value !== '' ? value : spec.default;
}

/**
 * Whether a parameter value is acceptable: one of `enum`, matching `pattern`,
 * no control characters (the copy button's rule, `core/copy.ts`).
 */
export const paramProblem: (spec: ParamSpec, value: string | null) => string | null = paramValueProblem;

export function createRunLog(input: RunLogInput): RunLog {
  const steps = input.steps.map((s) => {
    const tick = input.ticks[s.id];
    return { id: s.id, title: s.title, section: s.section, status: tick ? ('done' as const) : ('open' as const), at: tick?.at ?? null, by: tick?.by ?? null, danger: s.danger };
  });
  return {
    schemaVersion: 1,
    doc: input.doc,
    title: input.title,
    version: input.version,
    permalink: input.url ?? input.permalink,
    operator: input.operator || null,
    exportedAt: input.exportedAt,
    done: steps.filter((s) => s.status === 'done').length,
    total: steps.length,
    params: input.params.map((p) => {
      const value = paramValue(p, input.values);
      return { name: p.name, value: p.secret && value !== null ? SECRET_MASK : value, secret: p.secret };
    }),
    steps,
  };
}

/** Text safe inside a Markdown table cell or list item: no pipes, no line breaks, no HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const ticks = text.match(/`+/g)?.reduce((a, b) => (b.length > a.length ? b : a), '') ?? '';
  const fence = '`'.repeat(ticks.length + 1);
  return `${fence}${ticks ? ' ' : ''}${text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${ticks ? ' ' : ''}${fence}`;
}

/** The run log as Markdown, ready to paste into an incident or change ticket. */
export function runLogMarkdown(log: RunLog): string {
  const lines = [
    `## Run log: ${cell(log.title)}`,
    '',
    `- Doc: ${cell(log.permalink)} (\`${log.doc}\`)`,
    `- Version: ${cell(log.version)}`,
    `- Operator: ${cell(log.operator ?? '(not given)')}`,
    `- Exported: ${log.exportedAt}`,
    `- Progress: ${log.done} of ${log.total} steps done`,
    '',
  ];
  if (log.params.length > 0) {
    lines.push('### Parameters', '', '| Name | Value |', '|---|---|');
    for (const p of log.params) lines.push(`| ${p.name} | ${p.value === null ? '(not set)' : p.secret ? `${p.value} (secret)` : code(p.value)} |`);
    lines.push('');
  }
  lines.push('### Steps', '');
  let section: string | null | undefined;
  log.steps.forEach((s, i) => {
    if (s.section !== section) {
      section = s.section;
      if (section) lines.push(`**${cell(section)}**`, '');
    }
    const when = s.status === 'done' ? ` — done ${s.at}${s.by ? ` by ${cell(s.by)}` : ''}` : '';
    lines.push(`- [${s.status === 'done' ? 'x' : ' '}] ${i + 1}. ${cell(s.title)}${s.danger ? ' (danger)' : ''}${when}`);
  });
  lines.push('');
  return lines.join('\n');
}
