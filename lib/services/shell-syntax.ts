import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `bash -n` / `sh -n`: syntax only, nothing runs. Node spawning one process
 * per step costs ~20 ms each; requests made in the same tick are written to
 * a temp folder and checked by one shell loop (`bash -n` per file, a fork
 * each), which is ~10x faster on a doc with many steps.
 */
interface Request {
  script: string;
  shell: 'bash' | 'sh';
  resolve(result: { line: number; message: string } | null): void;
}

let pending: Request[] = [];
let scheduled = false;

export function shellSyntax(script: string, shell: 'bash' | 'sh'): Promise<{ line: number; message: string } | null> {
  return new Promise((resolve) => {
    pending.push({ script, shell, resolve });
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        const batch = pending;
        pending = [];
        scheduled = false;
        checkBatch(batch).catch(() => batch.forEach((r) => r.resolve(null)));
      });
    }
  });
}

async function checkBatch(batch: Request[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'handbook-sh-'));
  try {
    await Promise.all(batch.map((r, i) => writeFile(join(dir, `${i}.${r.shell}`), r.script)));
    // One loop per core, each over its share of the files: the forks of `bash -n` are the cost.
    const loop = 'while IFS= read -r f; do case "$f" in *.sh) sh -n "$f" 2>"$f.err";; *) bash -n "$f" 2>"$f.err";; esac; echo $? >"$f.rc"; done <"$1"';
    const loops = Math.max(1, Math.min(availableParallelism(), Math.ceil(batch.length / 8)));
    await Promise.all(
      Array.from({ length: loops }, (_, k) => {
        const files = batch.flatMap((r, i) => (i % loops === k ? [join(dir, `${i}.${r.shell}`)] : []));
        return new Promise<void>(async (resolve) => {
          // The list in a file: tens of thousands of paths do not fit on a command line.
          await writeFile(join(dir, `list-${k}`), files.join('\n') + '\n');
          const child = spawn('bash', ['-c', loop, 'handbook-sh', join(dir, `list-${k}`)], { stdio: 'ignore' });
          child.on('error', () => resolve());
          child.on('close', () => resolve());
        });
      }),
    );
    await Promise.all(
      batch.map(async (request, i) => {
        const file = join(dir, `${i}.${request.shell}`);
        const rc = (await readFile(`${file}.rc`, 'utf8').catch(() => '0')).trim();
        if (rc === '0') return request.resolve(null);
        const stderr = (await readFile(`${file}.err`, 'utf8').catch(() => '')).split(file).join(request.shell);
        request.resolve(parseShellError(stderr, request.script));
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "bash: line 3: syntax error near ..." / "sh: 2: Syntax error: ..." -> line and message. */
export function parseShellError(stderr: string, script: string): { line: number; message: string } {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? 'syntax error';
  const match = /(?:line |: )(\d+):\s*(.*)$/.exec(first);
  const scriptLines = script.split('\n').length;
  const line = Math.min(Math.max(match ? Number(match[1]) : 1, 1), scriptLines);
  const detail = lines.slice(1).map((l) => l.replace(/^(?:bash|sh): (?:line )?\d+: /, '').trim());
  return { line, message: [(match ? match[2]! : first).trim(), ...detail].filter(Boolean).join('; ') };
}
