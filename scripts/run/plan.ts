import { isSectionOf } from '../../core/rules/structure-sections.js';
import type { Step, StepParam } from '../../core/index.js';
import { didYouMean } from './suggest.js';
import { SECRET_MASK, type ParamSource } from './types.js';

/**
 * The plan of a run: which steps (`--from`, `--only`, `--resume`), with which
 * parameters, how long. Pure; the command prints what `formatPlan` returns.
 */

/** A step named on the command line: its id, or its 1-based number in the plan. */
export function findStep(ref: string, steps: readonly Step[]): Step | string {
  const byId = steps.find((s) => s.id === ref);
  if (byId) return byId;
  if (/^\d+$/.test(ref)) {
    const byNumber = steps[Number(ref) - 1];
    if (byNumber) return byNumber;
    return `Unexpected step number ${ref}, expected 1 to ${steps.length}`;
  }
  return `Unexpected step \`${ref}\`, expected a step id or number${didYouMean(ref, steps.map((s) => s.id))}`;
}

export interface SelectStepsOptions {
  steps: readonly Step[];
  /** `--from STEP`: start here. */
  from?: string | null;
  /** `--only STEP` (repeatable, comma-separated allowed): just these. */
  only?: readonly string[];
  /** `--section NAME` (repeatable): steps under these h2 sections (heading text or anchor, any case). */
  sections?: readonly string[];
  /** `--resume`: the index of the first step still to do. */
  startIndex?: number;
}

/** Steps under a rollback section (`## Rollback`, `## Roll back the release`, ...). */
export function isRollbackStep(step: Step): boolean {
  return step.section !== null && isSectionOf(step.section, 'rollback');
}

/**
 * The selected steps in doc order, or the usage errors. Rollback steps undo
 * the procedure: a plain run (no `--only`/`--section`, `--from` not inside
 * the rollback) leaves them out, so `--yes --allow-danger` over a whole page
 * never rolls back what it just did. They are listed in `rollbackLeftOut`.
 */
export function selectSteps({ steps, from = null, only = [], sections = [], startIndex = 0 }: SelectStepsOptions): { selected: Step[]; errors: string[]; rollbackLeftOut: Step[] } {
  const errors: string[] = [];
  let start = startIndex;
  if (from !== null) {
    const found = findStep(from, steps);
    if (typeof found === 'string') errors.push(`--from: ${found}`);
    else start = found.index;
  }
  let chosen: Set<number> | null = null;
  const refs = only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  if (refs.length) {
    chosen = new Set();
    for (const ref of refs) {
      const found = findStep(ref, steps);
      if (typeof found === 'string') errors.push(`--only: ${found}`);
      else chosen.add(found.index);
    }
  }
  const wanted = sections.map((name) => name.trim().toLowerCase()).filter(Boolean);
  const inSection = (step: Step) => wanted.some((name) => step.section?.toLowerCase() === name || step.sectionAnchor === name);
  const known = [...new Set(steps.flatMap((s) => (s.section === null ? [] : [s.section])))];
  for (const name of wanted) {
    if (!steps.some((s) => s.section?.toLowerCase() === name || s.sectionAnchor === name)) {
      errors.push(`--section: Unexpected section \`${name}\`, expected the title or anchor of a section with steps${didYouMean(name, known)}`);
    }
  }
  const fromRollback = from !== null && steps[start] !== undefined && isRollbackStep(steps[start]!);
  const explicit = chosen !== null || wanted.length > 0 || fromRollback;
  const inRange = steps.filter((s) => s.index >= start && (!chosen || chosen.has(s.index)) && (!wanted.length || inSection(s)));
  const rollbackLeftOut = explicit ? [] : inRange.filter(isRollbackStep);
  const selected = explicit ? inRange : inRange.filter((s) => !isRollbackStep(s));
  if (!errors.length && !selected.length && steps.length) {
    errors.push(rollbackLeftOut.length ? 'The options select only rollback steps: name them with --section or --only to run them' : 'The options select no step');
  }
  return { selected, errors, rollbackLeftOut };
}

/** `30s`, `5m`, `1h 30m`. */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  if (minutes < 60) {
    const whole = Math.floor(minutes);
    const seconds = Math.round((minutes - whole) * 60);
    return seconds ? `${whole}m ${seconds}s` : `${whole}m`;
  }
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h}h ${m}m` : `${h}h`;
}

/** What the plan says of a parameter's value. */
export interface PlanParam {
  param: StepParam;
  value: string | null;
  source: ParamSource | null;
  /** Whether a selected step uses it. */
  needed: boolean;
}

const sourceLabel: Record<ParamSource, string> = {
  param: '--param',
  env: 'environment',
  log: 'previous run',
  default: 'default',
  prompt: 'entered',
};

export interface FormatPlanOptions {
  title: string;
  docPath: string;
  version: string | null;
  steps: readonly Step[];
  selected: readonly Step[];
  /** Notes for steps that are not selected: `done in the previous run`. */
  notes?: ReadonlyMap<number, string>;
  params: readonly PlanParam[];
  skippedBlocks: number;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The value of a parameter as shown: secrets masked, unset ones marked. */
export function shownValue(p: Pick<PlanParam, 'param' | 'value'>): string {
  if (p.value === null) return '<unset>';
  return p.param.secret ? SECRET_MASK : p.value;
}

export function formatPlan({ title, docPath, version, steps, selected, notes = new Map(), params, skippedBlocks }: FormatPlanOptions): string {
  const lines = [`Plan: ${title} (${docPath}${version ? `, version ${version}` : ''})`, ''];
  const chosen = new Set(selected.map((s) => s.index));
  const idWidth = Math.min(32, Math.max(2, ...steps.map((s) => s.id.length)));
  const numberWidth = String(steps.length).length;
  lines.push(`  ${pad('#', numberWidth)}  ${pad('id', idWidth)}  ${pad('time', 6)}  step`);
  for (const step of steps) {
    const selectedMark = chosen.has(step.index) ? ' ' : '-';
    const time = step.timeMinutes === null ? '?' : formatMinutes(step.timeMinutes);
    const note = chosen.has(step.index) ? '' : `  (${notes.get(step.index) ?? 'not selected'})`;
    lines.push(
      `${selectedMark} ${pad(String(step.index + 1), numberWidth)}  ${pad(step.id, idWidth)}  ${pad(time, 6)}  ${step.danger ? '[DANGER] ' : ''}${step.title}${note}`,
    );
  }
  if (!steps.length) lines.push('  (the doc has no steps)');
  if (skippedBlocks) lines.push(`  (${skippedBlocks} shell block${skippedBlocks === 1 ? '' : 's'} marked \`skip\`: never run)`);

  if (params.length) {
    lines.push('', 'Parameters:');
    const nameWidth = Math.max(...params.map((p) => p.param.name.length));
    for (const p of params) {
      const value = shownValue(p);
      const how = p.value === null ? (p.needed ? 'missing' : 'not used by the selected steps') : sourceLabel[p.source!];
      lines.push(`  ${pad(p.param.name, nameWidth)} = ${pad(value, 12)}  (${how}${p.param.secret ? ', secret' : ''})`);
    }
  }

  const timed = selected.filter((s) => s.timeMinutes !== null);
  const total = timed.reduce((sum, s) => sum + s.timeMinutes!, 0);
  const untimed = selected.length - timed.length;
  const dangers = selected.filter((s) => s.danger).length;
  const count = `${selected.length} step${selected.length === 1 ? '' : 's'}`;
  const time = !timed.length ? ' (no time estimates)' : `, about ${formatMinutes(total)}${untimed ? ` (+ ${untimed} without an estimate)` : ''}`;
  lines.push('', `Total: ${count}${time}${dangers ? `, ${dangers} marked danger` : ''}`);
  return lines.join('\n') + '\n';
}

/** One step as the dry run shows it: the command as written, and the values of the parameters it uses. */
export function formatStepCommand(step: Step, position: string, params: ReadonlyMap<string, PlanParam>): string {
  const lines = [`${position} ${step.id}: ${step.title}${step.danger ? '  [DANGER]' : ''}  (${step.lang}, line ${step.line})`];
  for (const line of step.command.replace(/\n$/, '').split('\n')) lines.push(`    ${line}`);
  if (step.params.length) {
    lines.push(`  with ${step.params.map((name) => `${name}=${params.has(name) ? shownValue(params.get(name)!) : '<unset>'}`).join(' ')}`);
  }
  if (step.expect !== null) lines.push(`  expect: ${step.expect.includes('\n') ? JSON.stringify(step.expect) : step.expect}`);
  return lines.join('\n') + '\n';
}
