import { spawn } from 'node:child_process';

/**
 * `bash -n` / `sh -n` on a script given on stdin: syntax only, nothing runs.
 * Returns the first error with its line in the script, or null.
 */
export function shellSyntax(script: string, shell: 'bash' | 'sh'): Promise<{ line: number; message: string } | null> {
  return new Promise((resolve) => {
    const child = spawn(shell, ['-n'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', () => resolve(null)); // no such shell here: nothing to say
    child.on('close', (code) => {
      if (code === 0) return resolve(null);
      // "bash: line 3: syntax error near unexpected token `fi'" / "sh: 2: Syntax error: ..."
      const first = stderr.split('\n').find((l) => l.trim() !== '') ?? 'syntax error';
      const match = /(?:line |: )(\d+):\s*(.*)$/.exec(first);
      const lines = script.split('\n').length;
      const line = Math.min(match ? Number(match[1]) : 1, lines);
      const message = (match ? match[2]! : first).trim();
      const detail = stderr.split('\n').filter((l) => l.trim() !== '' && l !== first).map((l) => l.replace(/^(?:bash|sh): (?:line )?\d+: /, '').trim());
      resolve({ line, message: [message, ...detail].filter(Boolean).join('; ') });
    });
    child.stdin.end(script);
  });
}
