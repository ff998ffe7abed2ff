import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/cli.js';
import type { RunLog } from '../../scripts/run/types.js';

/** The repository root (for `bin/handbook.mjs`). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const made: string[] = [];

/** A temporary directory holding `files` (path -> text); removed by {@link cleanUp}. */
export async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'handbook-run-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const children: ChildProcess[] = [];

/** Stops commands a failed test left running (SIGTERM: they stop their steps and write their logs), then removes the directories. */
export async function cleanUp(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const closed = new Promise((r) => child.once('close', r));
    child.kill('SIGTERM');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
  }
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** A procedure doc: front matter with `version` and `params`, then `body`. */
export function procedure({ version = '1.0.0', params = '', body }: { version?: string; params?: string; body: string }): string {
  return `---\ntitle: Test procedure\nversion: ${version}\n${params ? `params:\n${params}` : ''}---\n\n# Test procedure\n\n${body}`;
}

/** The environment of a test run: ours without any `HANDBOOK_PARAM_*`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HANDBOOK_PARAM_')));
  return { ...env, ...extra };
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `handbook <args>` in this process, without a terminal (stdin is empty and not a TTY). */
export async function handbook(args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => append(chunk.toString('utf8')));
    return stream;
  };
  const out = sink((s) => (stdout += s));
  const err = sink((s) => (stderr += s));
  const code = await main(['run', ...args], { stdout: out, stderr: err, stdin: Readable.from([]), env: cleanEnv(env), cwd });
  await new Promise((r) => setImmediate(r));
  return { code, stdout, stderr };
}

/** `node bin/handbook.mjs run <args>` as a child process, for signals. */
export function spawnHandbook(args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, [join(root, 'bin/handbook.mjs'), 'run', ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const done = new Promise<Result>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code: code ?? (signal ? -1 : 0), stdout, stderr })));
  return { child, done, output: () => stdout };
}

/** Waits until `check()` is true, polling; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The JSON logs under `<dir>/.handbook/runs`, oldest first. */
export async function logsIn(dir: string): Promise<RunLog[]> {
  const runs = join(dir, '.handbook/runs');
  const names = (await readdir(runs).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(runs, n), 'utf8')) as RunLog));
}

/** Every file under `<dir>/.handbook/runs`, as text (JSON logs and Markdown twins). */
export async function logTexts(dir: string): Promise<string[]> {
  const runs = join(dir, '.handbook/runs');
  const names = await readdir(runs).catch(() => [] as string[]);
  return Promise.all(names.map((n) => readFile(join(runs, n), 'utf8')));
}

/** Whether a process is running (a zombie waiting to be reaped is not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** A tmux server of our own (its own socket), for driving the command through a pseudo-terminal. */
export function createTmux(name: string) {
  const socket = `handbook-test-${process.pid}-${name}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  return {
    /** Starts `command` (a shell line) in a 200x50 terminal. */
    start(command: string, env: Record<string, string> = {}) {
      const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
      tmux('new-session', '-d', '-s', 'run', '-x', '200', '-y', '50', ...envArgs, command);
    },
    /** The whole screen and scrollback as text. */
    screen(): string {
      try {
        return tmux('capture-pane', '-p', '-J', '-t', 'run', '-S', '-2000');
      } catch {
        return '';
      }
    },
    /** Types keys: literal text, then tmux key names such as `Enter` or `C-c`. */
    keys(...keys: string[]) {
      tmux('send-keys', '-t', 'run', ...keys);
    },
    type(text: string) {
      tmux('send-keys', '-t', 'run', '-l', text);
    },
    /** Stops the tmux server of this socket (and only it). */
    stop() {
      try {
        tmux('kill-server');
      } catch {
        // Already gone: the session ended with its command.
      }
    },
  };
}
