import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { StepLang } from '../../core/index.js';
import { createStreamMasker } from './mask.js';

/**
 * Runs one step's command: `bash -eo pipefail -c <command>` (`sh -e -c` for
 * `sh` blocks) in the run's directory, with the parameters as environment
 * variables (never as shell text). The shell gets its own session and process
 * group, no terminal and no stdin: a command that asks for input fails instead
 * of hanging, and interrupting stops every process the step started.
 */

/** Default bound of a step's captured output: the first quarter and the last three quarters are kept. */
export const DEFAULT_MAX_OUTPUT = 256 * 1024;

/** How long an interrupted step gets after SIGINT before SIGTERM, and after SIGTERM before SIGKILL. */
const INTERRUPT_GRACE_MS = 2000;
const TERMINATE_GRACE_MS = 3000;

export interface ExecuteStepOptions {
  command: string;
  lang: StepLang;
  cwd: string;
  /** The complete environment of the step (process environment plus parameters). */
  env: NodeJS.ProcessEnv;
  /** Values masked in everything this reports. */
  secrets: readonly string[];
  /** Output as it arrives, stdout and stderr interleaved, secrets masked. */
  onOutput?: (text: string) => void;
  maxOutput?: number;
}

export interface ExecutionResult {
  /** Exit code of the shell; 128 + signal number when a signal ended it; 127 when it could not start. */
  exitCode: number;
  signal: NodeJS.Signals | null;
  /** Combined output, secrets masked, bounded by `maxOutput`. */
  output: string;
  truncated: boolean;
  startedAt: Date;
  durationMs: number;
  interrupted: boolean;
  /** Set when the shell could not be started. */
  error: string | null;
}

export interface StepExecution {
  done: Promise<ExecutionResult>;
  /** Stops the step's process group: SIGINT, then SIGTERM, then SIGKILL. Calling again escalates at once. */
  interrupt(): void;
}

/** Keeps the head and the tail of a long text, counting what was dropped. */
export function createBoundedCapture(max: number) {
  const headMax = Math.floor(max / 4);
  const tailMax = max - headMax;
  let head = '';
  let tail = '';
  let dropped = 0;
  return {
    add(text: string) {
      if (head.length < headMax) {
        const room = headMax - head.length;
        head += text.slice(0, room);
        text = text.slice(room);
      }
      if (!text) return;
      tail += text;
      if (tail.length > tailMax * 2) {
        dropped += tail.length - tailMax;
        tail = tail.slice(tail.length - tailMax);
      }
    },
    result(): { text: string; truncated: boolean } {
      if (tail.length > tailMax) {
        dropped += tail.length - tailMax;
        tail = tail.slice(tail.length - tailMax);
      }
      if (dropped === 0) return { text: head + tail, truncated: false };
      // Cut at line ends where the kept parts have them.
      const headEnd = head.lastIndexOf('\n') + 1 || head.length;
      const tailStart = tail.indexOf('\n') + 1 < tail.length ? tail.indexOf('\n') + 1 : 0;
      const keptHead = head.slice(0, headEnd);
      const keptTail = tail.slice(tailStart);
      const omitted = dropped + (head.length - headEnd) + tailStart;
      const cut = `${keptHead.endsWith('\n') ? '' : '\n'}[... ${omitted} characters of output omitted ...]\n`;
      return { text: keptHead + cut + keptTail, truncated: true };
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

export function executeStep({ command, lang, cwd, env, secrets, onOutput, maxOutput = DEFAULT_MAX_OUTPUT }: ExecuteStepOptions): StepExecution {
  const startedAt = new Date();
  const started = performance.now();
  const masker = createStreamMasker(secrets);
  const capture = createBoundedCapture(maxOutput);
  const emit = (text: string) => {
    if (!text) return;
    capture.add(text);
    onOutput?.(text);
  };

  const [shell, args] = lang === 'sh' ? ['sh', ['-e', '-c', command]] : ['bash', ['-eo', 'pipefail', '-c', command]];
  const child = spawn(shell, args as string[], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let interrupted = false;
  let stage = 0;
  const timers: NodeJS.Timeout[] = [];

  const done = new Promise<ExecutionResult>((resolve) => {
    let spawnError: string | null = null;
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (interrupted && child.pid) killGroup(child.pid, 'SIGKILL');
      emit(masker.flush());
      const { text, truncated } = capture.result();
      const exitCode = spawnError ? 127 : code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
      resolve({ exitCode, signal, output: text, truncated, startedAt, durationMs: Math.round(performance.now() - started), interrupted, error: spawnError });
    };

    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => emit(masker.push(chunk)));
    }
    child.on('error', (error) => {
      spawnError = `could not start ${shell}: ${error.message}`;
      finish(null, null);
    });
    child.on('exit', (code, signal) => {
      // A background process the step left running may hold the pipes open:
      // wait briefly for the rest of the output, not for them.
      let open = 2;
      const end = () => {
        if (--open === 0) finish(code, signal);
      };
      for (const stream of [child.stdout, child.stderr]) {
        if (stream.readableEnded) end();
        else stream.once('end', end);
      }
      const timer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, 200);
      timer.unref();
    });
  });

  return {
    done,
    interrupt() {
      if (!child.pid) return;
      interrupted = true;
      stage++;
      if (stage === 1) {
        killGroup(child.pid, 'SIGINT');
        timers.push(setTimeout(() => killGroup(child.pid!, 'SIGTERM'), INTERRUPT_GRACE_MS));
        timers.push(setTimeout(() => killGroup(child.pid!, 'SIGKILL'), INTERRUPT_GRACE_MS + TERMINATE_GRACE_MS));
      } else {
        killGroup(child.pid, 'SIGKILL');
      }
    },
  };
}
