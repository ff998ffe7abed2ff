import { spawn } from 'node:child_process';
import type { CheckServices } from '../../core/index.js';

/**
 * `bash -n` / `sh -n` over a script on stdin: null when it parses, else the
 * first error's line (1-based, in the script) and message.
 */
export function shellSyntax(script: string, shell: 'bash' | 'sh'): Promise<{ line: number; message: string } | null> {
  return new Promise((resolvePromise) => {
    const child = spawn(shell, ['-n'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', () => resolvePromise(null)); // no such shell: nothing to say
    child.on('close', (code) => {
      if (code === 0) return resolvePromise(null);
      const first = stderr.split('\n').find(Boolean) ?? `${shell} -n failed`;
      const match = /line (\d+): (.*)$/.exec(first);
      resolvePromise({ line: match ? Number(match[1]) : 1, message: (match ? match[2]! : first).trim() });
    });
    child.stdin.end(script);
  });
}

/** The services the CLI and the build plugin give rules by default. */
export function defaultServices(): CheckServices {
  return { shellSyntax };
}
