import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIo } from './cli.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true; args: string[] }>>;

/**
 * The argument parsing every command shares: Node's `parseArgs` with
 * `--help`/`-h` added, the help on standard output for `--help` (exit 0),
 * and `handbook <name>: <what is wrong>` followed by the help on standard
 * error for a bad option (exit 2). Returns the parsed arguments, or the exit
 * code when the command is done.
 */
export function parseCommandArgs<O extends Options>(
  command: { name: string; help: string; positionals?: boolean },
  argv: string[],
  io: CommandIo,
  options: O,
): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } }) as Parsed<O>;
    if (command.positionals === false && parsed.positionals.length > 0) throw new Error(`Unexpected argument '${parsed.positionals[0]}'. This command does not take positional arguments`);
  } catch (error) {
    return usageError(command, io, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(command.help);
    return 0;
  }
  return parsed;
}

/** `handbook <name>: <message>`, then the command's help, on standard error; exit code 2. */
export function usageError(command: { name: string; help: string }, io: CommandIo, message: string): number {
  io.stderr.write(`handbook ${command.name}: ${message}\n\n${command.help}`);
  return 2;
}
