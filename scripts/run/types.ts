/**
 * The data of a run: what the plan selected, what each step did, and the log
 * written for it. No presentation here: the command and the Markdown twin
 * render it.
 */

/** What happened to a step in a run. */
export type StepStatus = 'passed' | 'failed' | 'skipped' | 'manual' | 'not-run';

/** How a run ended. `running` is only seen in a log written mid-run (or left by a crash). */
export type RunOutcome = 'running' | 'passed' | 'failed' | 'quit' | 'interrupted';

/** Where a parameter's value came from. */
export type ParamSource = 'param' | 'env' | 'log' | 'default' | 'prompt';

export interface StepRecord {
  id: string;
  title: string;
  status: StepStatus;
  /** Exit code of the step's shell (128 + signal number when killed); null when it did not run. */
  exitCode: number | null;
  /** ISO time the step started; null when it did not run. */
  startedAt: string | null;
  durationMs: number | null;
  /** Combined stdout and stderr, secret values masked, bounded (head and tail kept). */
  output: string;
  /** Why a step failed or did not run, in words: `exit code 3`, `expected output not found: ...`. */
  reason: string | null;
  /** The command as written in the doc (parameters are environment variables, never values). */
  command: string;
  danger: boolean;
  /** Line of the step's fence in the doc. */
  line: number;
  /** Set when the record was carried over from the log a `--resume` run continued. */
  carriedFrom?: string;
}

export interface ParamRecord {
  /** The value, or `********` for a secret parameter. */
  value: string;
  source: ParamSource;
  secret: boolean;
}

export interface RunLog {
  schema: 'handbook-run-log/1';
  doc: {
    /** Path relative to the run's directory, with `/`. */
    path: string;
    id: string;
    title: string | null;
    /** Front matter `version`, as a string; null when the doc has none. */
    version: string | null;
    /** sha256 of the doc's text, to notice edits that did not bump the version. */
    sha256: string;
  };
  startedAt: string;
  endedAt: string | null;
  user: string;
  host: string;
  /** Absolute directory the steps ran in. */
  cwd: string;
  interactive: boolean;
  /** The command line options that shaped the run. */
  options: { from: string | null; only: string[]; sections: string[]; resume: boolean; yes: boolean; allowDanger: boolean };
  /** The log this run continued (`--resume`), relative to the run's directory. */
  resumedFrom: string | null;
  params: Record<string, ParamRecord>;
  outcome: RunOutcome;
  exitCode: number | null;
  steps: StepRecord[];
}

/** The mask written in place of a secret value, in plans, logs and output. */
export const SECRET_MASK = '********';
