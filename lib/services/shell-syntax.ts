import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Shell syntax as `bash -n` / `sh -n` judges it; nothing runs.
 *
 * A fork and exec of bash per block was the cost of a whole check (~17,000
 * blocks in a 2,000-doc corpus). Requests made in the same tick are batched:
 *
 * 1. One bash process reads every bash block and parses it as the body of a
 *    compound command that runs none of it: a function definition
 *    (`eval "f() { BLOCK\n}"`), or, for a block with a `}` starting a word
 *    (the only token that could close `{ ... }` early: `jq '{ a }'`, a
 *    `{ ...; }` group, JSON in a here-document), a case clause whose pattern
 *    never matches (`eval "case _ in (x) BLOCK\n;; esac"`). Both bodies are
 *    a compound list, parsed with the same grammar as a script. A block
 *    passes there when eval is silent and returns 0.
 * 2. Every other block (a `sh` block, one that failed or warned in step 1,
 *    or one that could close both wrappers early: with a `}` word and also
 *    `esac`, `;;` or `;&`) goes to the real `bash -n FILE` / `sh -n FILE`,
 *    whose message is the one reported. So a finding is always bash's own;
 *    step 1 can only say "fine", and only for a block that cannot end its
 *    wrapper. `tests/corpora/shell-syntax.test.ts` compares both steps with
 *    `bash -n` on every block of the handbook and the shared corpora.
 *
 * The step-1 shell also runs restricted (`set -r`: no redirection, no
 * command with a `/`, no `cd`) with an empty PATH, so even a block that got
 * past the guard could not reach a program or write a file.
 */
interface Request {
  script: string;
  shell: 'bash' | 'sh';
  resolve(result: ShellProblem | null): void;
  reject(error: Error): void;
}

export interface ShellProblem {
  line: number;
  message: string;
}

/** Blocks this process passed in step 1, and blocks it gave to `bash -n` / `sh -n` one by one (for tests and benchmarks). */
export const shellSyntaxStats = { passedInStepOne: 0, checkedOneByOne: 0 };

let pending: Request[] = [];
let scheduled = false;

export function shellSyntax(script: string, shell: 'bash' | 'sh'): Promise<ShellProblem | null> {
  return new Promise((resolve, reject) => {
    pending.push({ script, shell, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        const batch = pending;
        pending = [];
        scheduled = false;
        // A shell that cannot run fails the rule loudly: silence would pass every block.
        checkBatch(batch).catch((error: Error) => batch.forEach((r) => r.reject(error)));
      });
    }
  });
}

/** A `}` at the start of a word could close the wrapping function. */
const closesBrace = /(?:^|[\s|&;()<>])\}/;
/** What could end a case clause (`;;`, `;&`, `;;&`) or the case command (`esac`), anywhere in the text (quoted too: the test is on text, not on tokens). */
const closesCase = /;;|;&|esac/;

/** Which body step 1 parses this block as (see the module comment), or null when only `bash -n` itself may judge it. */
export function stepOneWrapper(script: string, shell: 'bash' | 'sh'): 'function' | 'case' | null {
  if (shell !== 'bash' || script.includes('\0')) return null;
  if (!closesBrace.test(script)) return 'function';
  return closesCase.test(script) ? null : 'case';
}

async function checkBatch(batch: Request[]): Promise<void> {
  await inTempDir(async (dir) => {
    const quick: { request: Request; wrapper: 'function' | 'case' }[] = [];
    const bashOnly: Request[] = [];
    for (const request of batch) {
      const wrapper = stepOneWrapper(request.script, request.shell);
      if (wrapper) quick.push({ request, wrapper });
      else bashOnly.push(request);
    }
    const passed = await parsedAsBodies(dir, quick.map(({ request, wrapper }) => ({ script: request.script, wrapper })));
    const rest: Request[] = [];
    quick.forEach(({ request }, i) => (passed[i] ? request.resolve(null) : rest.push(request)));
    shellSyntaxStats.passedInStepOne += quick.length - rest.length;
    rest.push(...bashOnly);
    shellSyntaxStats.checkedOneByOne += rest.length;
    const found = await checkEachWithShell(dir, rest);
    rest.forEach((r, i) => r.resolve(found[i]!));
  });
}

/** A scratch folder for the scripts and the loops' lists, removed afterwards. */
async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'handbook-sh-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `read -d ''` on a regular file reads in blocks (on a pipe, a byte at a time): the scripts go through a file.
const stepOneLoop = [
  'exec 2>&1',
  "PATH=''",
  'set -r',
  "while IFS= read -r -d '' __handbook_wrapper && IFS= read -r -d '' __handbook_block; do",
  '  if [[ $__handbook_wrapper == function ]]; then',
  '    eval "__handbook_syntax() { ${__handbook_block}',
  '}"',
  '  else',
  // The pattern `x` never matches `_`: the clause is parsed, never run.
  '    eval "case _ in (x) ${__handbook_block}',
  ';; esac"',
  '  fi',
  "  printf '\\0%d\\n' \"$?\"",
  'done <"$1"',
].join('\n');

/**
 * Step 1: for each script, true when bash parsed it as the body of its wrapper and said nothing.
 * Some syntax errors (inside `$( )`) make bash leave the loop: that script is not
 * passed, and a new loop goes on with the ones after it.
 */
async function parsedAsBodies(dir: string, scripts: { script: string; wrapper: 'function' | 'case' }[]): Promise<boolean[]> {
  const passed: boolean[] = [];
  while (passed.length < scripts.length) {
    const rest = scripts.slice(passed.length);
    const file = join(dir, 'bodies');
    await writeFile(file, rest.map(({ script, wrapper }) => `${wrapper}\0${script}\0`).join(''));
    const { output } = await runBash(stepOneLoop, [file], dir, { allowExit: true });
    const answers = outputsOf(output);
    passed.push(...answers.map(({ status, text }) => status === 0 && text === ''));
    if (answers.length < rest.length) passed.push(false);
  }
  return passed;
}

/** `bash -n` / `sh -n` itself on each script, a process each: what `shellSyntax` must always agree with. */
export function shellSyntaxOneByOne(scripts: { script: string; shell: 'bash' | 'sh' }[]): Promise<(ShellProblem | null)[]> {
  return inTempDir((dir) => checkEachWithShell(dir, scripts));
}

// Each record is "<shell>\0<script>\0"; bash writes the script to a file of its own
// (node would hold a descriptor per script) and runs the shell's own -n on it.
const eachWithShellLoop = [
  'exec 2>&1',
  "while IFS= read -r -d '' shell && IFS= read -r -d '' script; do",
  '  printf "%s" "$script" >"$2/script.$shell"',
  '  "$shell" -n "$2/script.$shell"',
  "  printf '\\0%d\\n' \"$?\"",
  'done <"$1"',
].join('\n');

/** Step 2: `bash -n` / `sh -n` per script, one loop per core (the forks are the cost). */
async function checkEachWithShell(dir: string, scripts: { script: string; shell: 'bash' | 'sh' }[]): Promise<(ShellProblem | null)[]> {
  const results: (ShellProblem | null)[] = new Array(scripts.length).fill(null);
  if (scripts.length === 0) return results;
  const loops = Math.max(1, Math.min(availableParallelism(), Math.ceil(scripts.length / 8)));
  await Promise.all(
    Array.from({ length: loops }, async (_, k) => {
      const mine = scripts.flatMap((s, i) => (i % loops === k ? [i] : []));
      const work = join(dir, `loop-${k}`);
      await mkdir(work);
      // A NUL cannot be passed through a NUL-separated record; the shells read none of them anyway.
      await writeFile(join(work, 'records'), mine.map((i) => `${scripts[i]!.shell}\0${scripts[i]!.script.replaceAll('\0', '')}\0`).join(''));
      const { output } = await runBash(eachWithShellLoop, [join(work, 'records'), work], work);
      const said = outputsOf(output);
      if (said.length !== mine.length) throw new Error(`the shell syntax check answered for ${said.length} of ${mine.length} scripts`);
      mine.forEach((i, n) => {
        const { status, text } = said[n]!;
        const { shell, script } = scripts[i]!;
        if (status !== 0) results[i] = parseShellError(text.split(join(work, `script.${shell}`)).join(shell), script);
      });
    }),
  );
  return results;
}

/** Runs a bash program in a plain environment: its stdout, or an error saying why it could not run (or why it stopped, unless `allowExit`). */
function runBash(program: string, args: string[], cwd: string, { allowExit = false } = {}): Promise<{ output: string }> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-c', program, 'handbook-sh', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', (error) => reject(new Error(`cannot run bash to check shell syntax: ${error.message}`)));
    child.on('close', (code) => (code === 0 || allowExit ? resolve({ output: Buffer.concat(chunks).toString('utf8') }) : reject(new Error(`bash exited with ${code} while checking shell syntax: ${Buffer.concat(errors).toString('utf8').trim()}`))));
  });
}

/**
 * Script i's output is what the shell said about it, then "\0<status>\n". Split at "\0":
 * part 0 is what script 0 made it say, part k is "<status of k-1>\n<what script k made it say>".
 */
function outputsOf(output: string): { status: number; text: string }[] {
  const parts = output.split('\0');
  const results: { status: number; text: string }[] = [];
  let said = parts[0]!;
  for (const part of parts.slice(1)) {
    const status = /^(\d+)\n/.exec(part);
    if (!status) break;
    results.push({ status: Number(status[1]), text: said });
    said = part.slice(status[0].length);
  }
  return results;
}

/** "bash: line 3: syntax error near ..." / "sh: 2: Syntax error: ..." -> line and message. */
export function parseShellError(stderr: string, script: string): ShellProblem {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? 'syntax error';
  const match = /(?:line |: )(\d+):\s*(.*)$/.exec(first);
  const scriptLines = script.split('\n').length;
  const line = Math.min(Math.max(match ? Number(match[1]) : 1, 1), scriptLines);
  const detail = lines.slice(1).map((l) => l.replace(/^(?:bash|sh): (?:line )?\d+: /, '').trim());
  return { line, message: [(match ? match[2]! : first).trim(), ...detail].filter(Boolean).join('; ') };
}
