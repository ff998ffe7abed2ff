import { matchesExpect, parseExpect, type Step } from '../../core/index.js';
import { executeStep, type StepExecution } from './execute.js';
import { formatMs, writeRunLog } from './log.js';
import { maskSecrets } from './mask.js';
import { formatStepCommand, type PlanParam } from './plan.js';
import { PromptInterrupted, type Prompter } from './prompt.js';
import type { RunLog, RunOutcome, StepRecord } from './types.js';

/**
 * The execution loop: for each selected step, ask (interactive) or go
 * (`--yes`), run it, check its expected output, record it, rewrite the log;
 * stop at the first failure, at "quit", or at an interruption.
 */

/** Shared with the command's signal handlers: a signal stops the current step and the loop. */
export interface Interruption {
  signal: NodeJS.Signals | null;
  current: StepExecution | null;
}

export interface RunStepsOptions {
  selected: readonly Step[];
  log: RunLog;
  logFile: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  secrets: readonly string[];
  params: ReadonlyMap<string, PlanParam>;
  /** Null in non-interactive runs: every step runs without asking. */
  prompter: Prompter | null;
  /** Everything the run shows: headers, live output, results. */
  write: (text: string) => void;
  interruption: Interruption;
  maxOutput?: number;
}

type Choice = 'run' | 'skip' | 'manual' | 'quit';

function parseChoice(answer: string): Choice | null {
  switch (answer.toLowerCase()) {
    case 'r':
    case 'run':
      return 'run';
    case 's':
    case 'skip':
      return 'skip';
    case 'd':
    case 'done':
      return 'manual';
    case 'q':
    case 'quit':
      return 'quit';
    default:
      return null;
  }
}

/** Asks what to do with a step; a danger step needs its id typed before it runs. */
async function ask(step: Step, prompter: Prompter, write: (text: string) => void): Promise<Choice> {
  for (;;) {
    const choice = await prompter.choose(
      'Run this step? [r]un, [s]kip, [d]one by hand, [q]uit: ',
      parseChoice,
      'Please answer r (run), s (skip), d (done by hand) or q (quit): ',
    );
    if (choice === null) return 'quit';
    if (choice !== 'run' || !step.danger) return choice;
    const typed = await prompter.line(`This step is marked DANGER. Type its id (${step.id}) to run it, or press Enter to go back: `);
    if (typed === null) return 'quit';
    if (typed.trim() === step.id) return 'run';
    write(typed.trim() ? `"${typed.trim()}" is not the step id: not run.\n` : 'Not run.\n');
  }
}

/** Why the output does not satisfy `expect`, or null when it does. */
function expectFailure(expect: string, output: string, truncated: boolean): string | null {
  let ok: boolean;
  try {
    ok = matchesExpect(expect, output);
  } catch (error) {
    return `the expect regex does not compile: ${(error as Error).message}`;
  }
  if (ok) return null;
  const what = parseExpect(expect).kind === 'regex' ? `no match for ${expect}` : `expected output not found: ${JSON.stringify(expect)}`;
  return truncated ? `${what} (the output was longer than the capture limit; its middle was not kept)` : what;
}

function record(log: RunLog, step: Step): StepRecord {
  const found = log.steps.find((r) => r.id === step.id);
  if (!found) throw new Error(`step ${step.id} is not in the run log`);
  return found;
}

/** Runs the selected steps and returns how the run ended. The log is rewritten after every step. */
export async function runSteps(options: RunStepsOptions): Promise<RunOutcome> {
  const { selected, log, logFile, cwd, env, secrets, params, prompter, write, interruption, maxOutput } = options;
  const save = () => writeRunLog(logFile, log);

  for (const [i, step] of selected.entries()) {
    if (interruption.signal) return 'interrupted';
    const entry = record(log, step);
    write(`\n${formatStepCommand(step, `==> [${i + 1}/${selected.length}]`, params)}`);

    if (prompter) {
      let choice: Choice;
      try {
        choice = await ask(step, prompter, write);
      } catch (error) {
        if (error instanceof PromptInterrupted) {
          interruption.signal ??= 'SIGINT';
          return 'interrupted';
        }
        throw error;
      }
      if (interruption.signal) return 'interrupted';
      if (choice === 'quit') return 'quit';
      if (choice === 'skip' || choice === 'manual') {
        Object.assign(entry, { status: choice === 'skip' ? 'skipped' : 'manual', startedAt: new Date().toISOString(), reason: choice === 'skip' ? 'skipped by the operator' : 'done by hand, as the operator confirmed' });
        write(choice === 'skip' ? '--> skipped\n' : '--> marked done by hand\n');
        await save();
        continue;
      }
    }

    const execution = executeStep({ command: step.command, lang: step.lang, cwd, env, secrets, onOutput: write, maxOutput });
    interruption.current = execution;
    const result = await execution.done;
    interruption.current = null;

    let reason: string | null = null;
    if (result.error) reason = result.error;
    else if (result.interrupted) reason = `interrupted (${interruption.signal ?? 'signal'})`;
    else if (result.exitCode !== 0) reason = `exit code ${result.exitCode}`;
    else if (step.expect !== null) reason = expectFailure(step.expect, result.output, result.truncated);

    Object.assign(entry, {
      status: reason ? 'failed' : 'passed',
      exitCode: result.exitCode,
      startedAt: result.startedAt.toISOString(),
      durationMs: result.durationMs,
      output: result.output,
      reason: reason && maskSecrets(reason, secrets),
    });
    if (result.output && !result.output.endsWith('\n')) write('\n');
    write(reason ? `--> FAILED: ${entry.reason} (${formatMs(result.durationMs)})\n` : `--> passed (${formatMs(result.durationMs)})\n`);
    await save();
    if (result.interrupted || interruption.signal) return 'interrupted';
    if (reason) return 'failed';
  }
  return 'passed';
}
