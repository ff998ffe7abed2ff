import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/**
 * One module per command in `scripts/commands/<name>.ts`, each exporting
 * `summary` (one line for `handbook --help`) and `run(argv, io)` returning the
 * exit code. The library code they call never prints; commands report.
 */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandModule {
  summary: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

async function commandNames(): Promise<string[]> {
  const files = await readdir(commandsDir).catch(() => [] as string[]);
  return files
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  const names = await commandNames();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['Usage: handbook <command> [options]', '', 'Commands:'];
    for (const n of names) {
      const mod = (await import(join(commandsDir, `${n}.ts`))) as CommandModule;
      lines.push(`  ${n.padEnd(10)}${mod.summary}`);
    }
    lines.push('', 'Run `handbook <command> --help` for the options of a command.');
    io.stdout.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(version() + '\n');
    return 0;
  }
  if (!names.includes(name)) {
    io.stderr.write(`handbook: unknown command '${name}'. Commands: ${names.join(', ')}. See 'handbook --help'.\n`);
    return 2;
  }
  const mod = (await import(join(commandsDir, `${name}.ts`))) as CommandModule;
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
