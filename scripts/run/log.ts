import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunLog, StepRecord } from './types.js';

/**
 * The run log: JSON (for tools and `--resume`) plus a Markdown twin (for a
 * ticket), rewritten after every step so that a crash still leaves a log.
 */

/** Where logs go when `--log` is not given, relative to the run's directory. */
export const DEFAULT_RUNS_DIR = '.handbook/runs';

/** `docs/abathur/wal-growth.md` -> `docs-abathur-wal-growth`. */
function slugOf(docPath: string): string {
  return (
    docPath
      .replace(/\.mdx?$/i, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'doc'
  );
}

/** A new log file name under `runsDir`: `20261122T045110Z-docs-abathur-wal-growth.json`, never an existing one. */
export function defaultLogFile(runsDir: string, docPath: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = join(runsDir, `${stamp}-${slugOf(docPath)}`);
  let file = `${base}.json`;
  for (let n = 2; existsSync(file) || existsSync(markdownTwinOf(file)); n++) file = `${base}-${n}.json`;
  return file;
}

/** The Markdown twin of a JSON log: `x.json` -> `x.md`, anything else -> `<file>.md`. */
export function markdownTwinOf(file: string): string {
  return /\.json$/i.test(file) ? file.replace(/\.json$/i, '.md') : `${file}.md`;
}

/** Writes the JSON log and its Markdown twin, each atomically (a reader never sees half a file). */
export async function writeRunLog(file: string, log: RunLog): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const write = async (path: string, text: string) => {
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  };
  await write(file, JSON.stringify(log, null, 2) + '\n');
  await write(markdownTwinOf(file), renderRunLogMarkdown(log));
}

function isRunLog(value: unknown): value is RunLog {
  const log = value as RunLog | null;
  return !!log && log.schema === 'handbook-run-log/1' && typeof log.doc?.path === 'string' && Array.isArray(log.steps);
}

/**
 * The most recent log of a doc among the JSON files of `dirs` (by start time),
 * or null. Unreadable and foreign JSON files are ignored.
 */
export async function findLatestLog({ dirs, docPath }: { dirs: readonly string[]; docPath: string }): Promise<{ file: string; log: RunLog } | null> {
  let latest: { file: string; log: RunLog } | null = null;
  for (const dir of new Set(dirs)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = join(dir, name);
      let log: unknown;
      try {
        log = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        continue;
      }
      if (!isRunLog(log) || log.doc.path !== docPath) continue;
      if (!latest || log.startedAt > latest.log.startedAt) latest = { file, log };
    }
  }
  return latest;
}

/** `1.2 s`, `3 min 4 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A fence longer than any run of backticks in `text`. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function stepSection(step: StepRecord, n: number): string {
  const facts = [`Status: **${step.status}**`];
  if (step.exitCode !== null) facts.push(`exit code ${step.exitCode}`);
  if (step.startedAt) facts.push(`started ${step.startedAt}`);
  if (step.durationMs !== null) facts.push(`took ${formatMs(step.durationMs)}`);
  if (step.danger) facts.push('marked danger');
  const lines = [`### ${n}. ${step.title} (\`${step.id}\`)`, '', facts.join(', ') + '.'];
  if (step.reason) lines.push('', `Reason: ${step.reason}`);
  if (step.carriedFrom) lines.push('', `Carried over from \`${step.carriedFrom}\`.`);
  const commandFence = fenceFor(step.command);
  lines.push('', `${commandFence}bash`, step.command.replace(/\n$/, ''), commandFence);
  if (step.output) {
    const outputFence = fenceFor(step.output);
    lines.push('', 'Output:', '', `${outputFence}text`, step.output.replace(/\n$/, ''), outputFence);
  }
  return lines.join('\n');
}

/** The Markdown twin: a summary, the parameters, a table of the steps, then each step with its output. */
export function renderRunLogMarkdown(log: RunLog): string {
  const out: string[] = [`# Run of ${log.doc.title ?? log.doc.path}`, ''];
  out.push('| | |', '|---|---|');
  out.push(`| Doc | \`${cell(log.doc.path)}\` (id \`${cell(log.doc.id)}\`, version ${cell(log.doc.version ?? 'none')}) |`);
  out.push(`| Outcome | **${log.outcome}**${log.exitCode === null ? '' : ` (exit ${log.exitCode})`} |`);
  out.push(`| Started | ${log.startedAt} |`);
  out.push(`| Ended | ${log.endedAt ?? '(still running or crashed)'} |`);
  out.push(`| User | ${cell(log.user)} on ${cell(log.host)} |`);
  out.push(`| Directory | \`${cell(log.cwd)}\` |`);
  out.push(`| Mode | ${log.interactive ? 'interactive' : 'non-interactive'} |`);
  if (log.resumedFrom) out.push(`| Resumed from | \`${cell(log.resumedFrom)}\` |`);
  const names = Object.keys(log.params);
  if (names.length) {
    out.push('', '## Parameters', '', '| Name | Value | Source |', '|---|---|---|');
    for (const name of names) {
      const p = log.params[name]!;
      out.push(`| \`${name}\` | ${p.secret ? p.value : `\`${cell(p.value)}\``} | ${p.source}${p.secret ? ', secret' : ''} |`);
    }
  }
  out.push('', '## Steps', '', '| # | Step | Status | Exit | Duration |', '|---|---|---|---|---|');
  log.steps.forEach((step, i) => {
    out.push(
      `| ${i + 1} | ${cell(step.title)} (\`${cell(step.id)}\`)${step.danger ? ' ⚠ danger' : ''} | ${step.status} | ${step.exitCode ?? ''} | ${step.durationMs === null ? '' : formatMs(step.durationMs)} |`,
    );
  });
  log.steps.forEach((step, i) => out.push('', stepSection(step, i + 1)));
  return out.join('\n') + '\n';
}
