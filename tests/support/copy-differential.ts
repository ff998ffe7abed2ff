import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { expect } from 'vitest';
import { extractProcedure, parseDoc, type CopyParam, type Step, type StepParam } from '../../core/index.js';
import { repoRoot } from './fixture-site.js';
import { runSandboxed, type SandboxRun } from './sandbox-bash.js';

/**
 * The differential test of the copy button (issue 24): the copied text of a
 * step, run in a sandboxed bash (tests/support/sandbox-bash.ts), must execute
 * exactly what the command as written executes with the parameters in its
 * environment (as `handbook run` gives them): the same commands with the same
 * words, the same variables exported, the same output and exit status.
 * Secrets are typed on stdin, as an operator types them.
 */

/** Values no quoting context may change: expansions, quotes, history characters, globs, options. */
export const HOSTILE = ['a b', '$(id)', '`id`', "it's", '"q" \\', '!! !-1 !x', '*', '~', '-n', '${HOME}', ';id;', 'a/b c', "'; id; '", '\\$X'];
export const SECRET = `s3cr3t 'x' "$(id)" !!`;

export interface Case {
  doc: string;
  step: Step;
  declared: Record<string, StepParam>;
}

export async function casesOf(pattern: string[]): Promise<Case[]> {
  const cases: Case[] = [];
  for (const path of (await glob(pattern, { cwd: repoRoot })).sort()) {
    const doc = parseDoc({ path, text: await readFile(join(repoRoot, path), 'utf8') });
    const procedure = extractProcedure(doc);
    for (const step of procedure.steps) cases.push({ doc: path, step, declared: procedure.params });
  }
  return cases;
}

/**
 * The step's parameters with the k-th assignment of hostile values (seven
 * assignments give the first two parameters all fourteen); validation is not
 * what is tested here.
 */
export function assignment(c: Case, k: number): CopyParam[] {
  return c.step.params.map((name, i) => {
    const spec = { ...c.declared[name]!, enum: null, pattern: null };
    return { spec, value: spec.secret ? null : HOSTILE[(k + i * 7) % HOSTILE.length]! };
  });
}

/**
 * What a run executed, made comparable: bash's error messages name the line,
 * and the copy has a preamble; the commands of a pipeline run at once, so
 * their order is not the shell's.
 */
function normalise(run: SandboxRun): SandboxRun {
  return { ...run, calls: [...run.calls].sort(), stderr: run.stderr.replace(/line \d+:/g, 'line N:') };
}

/** The original command with the parameters in its environment, as `handbook run` runs it. */
export function original(c: Case, params: CopyParam[]): SandboxRun {
  const env: Record<string, string> = {};
  for (const p of params) env[p.spec.name] = p.spec.secret ? SECRET : p.value!;
  return normalise(runSandboxed({ script: c.step.command, env, watch: params.map((p) => p.spec.name) }));
}

/** The copied text, run as pasted: no parameter in the environment, each secret typed on stdin. */
export function copied(text: string, params: CopyParam[]): SandboxRun {
  const secrets = params.filter((p) => p.spec.secret);
  const run = normalise(runSandboxed({ script: text, stdin: secrets.map(() => `${SECRET}\n`).join(''), watch: params.map((p) => p.spec.name) }));
  // The prompts of `read` go to stderr before the command runs.
  const prompts = secrets.map((p) => `${p.spec.name} (secret, not echoed): \n`).join('');
  expect(run.stderr.startsWith(prompts)).toBe(true);
  return { ...run, stderr: run.stderr.slice(prompts.length) };
}

