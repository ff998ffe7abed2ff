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

/**
 * Text that Markdown shows as written, inside a heading, a list item or a
 * table cell: every character with a meaning in Markdown or GFM (emphasis,
 * links and images, code, HTML and entities, tables, strikethrough, a
 * heading's `#`) is backslash-escaped, and line breaks become spaces, so a
 * title or an operator's name cannot become a link, markup or a new block.
 */
export function mdText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]()<>|!#~&{}]/g, '\\$&');
}

/** A value as inline code (a fence longer than any run of backticks in it), safe in a table cell. */
export function mdCode(text: string): string {
  const ticks = text.match(/`+/g)?.reduce((a, b) => (b.length > a.length ? b : a), '') ?? '';
  const fence = '`'.repeat(ticks.length + 1);
  const pad = ticks || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ')}${pad}${fence}`;
}

/** The run log as Markdown, ready to paste into an incident or change ticket: every text field escaped, each section a block of its own. */
export function runLogMarkdown(log: RunLog): string {
  const lines = [
    `## Run log: ${mdText(log.title)}`,
    '',
    `- Doc: ${mdText(log.permalink)} (${mdCode(log.doc)})`,
    `- Version: ${mdText(log.version)}`,
    `- Operator: ${log.operator === null ? '(not given)' : mdText(log.operator)}`,
    `- Exported: ${mdText(log.exportedAt)}`,
    `- Progress: ${log.done} of ${log.total} steps done`,
    '',
  ];
  if (log.params.length > 0) {
    lines.push('### Parameters', '', '| Name | Value |', '|---|---|');
    for (const p of log.params) {
      const value = p.secret ? (p.value === null ? '(typed in the terminal, secret)' : `${mdText(p.value)} (secret)`) : p.value === null ? '(not set)' : mdCode(p.value);
      lines.push(`| ${mdText(p.name)} | ${value} |`);
    }
    lines.push('');
  }
  lines.push('### Steps', '');
  let section: string | null | undefined;
  log.steps.forEach((s, i) => {
    if (s.section !== section) {
      section = s.section;
      // A blank line first: without it the label is a lazy continuation of the list item before it.
      if (section) {
        if (lines.at(-1) !== '') lines.push('');
        lines.push(`**${mdText(section)}**`, '');
      }
    }
    const when = s.status === 'done' ? ` — done ${mdText(s.at ?? '')}${s.by ? ` by ${mdText(s.by)}` : ''}` : '';
    lines.push(`- [${s.status === 'done' ? 'x' : ' '}] ${i + 1}. ${mdText(s.title)}${s.danger ? ' (danger)' : ''}${when}`);
  });
  lines.push('');
  return lines.join('\n');
}
