import { commands } from './commands/index.js';
import { packageRoot } from '../lib/root.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One module per command in `scripts/commands/<name>.ts` exporting
 * `run(argv, io)` that returns the exit code, listed with its summary in
 * `scripts/commands/index.ts`. The library code they call never prints;
 * commands report.
 */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandModule {
  run(argv: string[], io: CommandIo): Promise<number>;
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  const names = Object.keys(commands).sort();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['Usage: handbook <command> [options]', '', 'Commands:'];
    for (const n of names) lines.push(`  ${n.padEnd(10)}${commands[n]!.summary}`);
    lines.push('', 'Run `handbook <command> --help` for the options of a command.');
    io.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(version() + '\n');
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    io.stderr.write(`handbook: unknown command '${name}'. Commands: ${names.join(', ')}. See 'handbook --help'.\n`);
    return 2;
  }
  const mod = await commands[name]!.load();
  try {
    return await mod.run(rest, io);
  } catch (error) {
    // A bug of ours, not bad input: say so plainly, with the stack only on request.
    io.stderr.write(`handbook ${name}: internal error: ${(error as Error).message}\n`);
    if (io.env.HANDBOOK_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return 70;
  }
}

export function defaultIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
