import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseDoc } from '../../core/index.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs, usageError } from '../command.js';


const help = `Usage: handbook parse <file> [--cwd DIR]

Prints the model the handbook's core builds from one Markdown/MDX document:
front matter with key positions, headings with their anchors, links, HTML
anchors, code blocks and parse problems, as JSON.

Options:
  --cwd DIR   resolve <file> relative to DIR (default: current directory)
  -h, --help  show this help
`;

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs({ name: 'parse', help }, argv, io, { cwd: { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) {
    return usageError({ name: 'parse', help }, io, 'expected exactly one file');
  }
  const cwd = resolve(io.cwd, parsed.values.cwd ?? '.');
  const absolute = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    io.stderr.write(`handbook parse: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  const model = parseDoc({ path: relative(cwd, absolute).split('\\').join('/'), text });
  const { text: _text, ...rest } = model;
  io.stdout.write(JSON.stringify({ ...rest, frontMatter: { ...model.frontMatter, keys: Object.fromEntries(model.frontMatter.keys) } }, null, 2) + '\n');
  return 0;
}
