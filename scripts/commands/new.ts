import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDoc } from '../../core/index.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs, usageError } from '../command.js';
import { todayOf } from '../../lib/corpus.js';
import { DOC_TYPES, renderTemplate, titleFromPath, type DocType } from '../new/templates.js';


const help = `Usage: handbook new <runbook|procedure|checklist|guide> <path> [--system S] [--owner O] [--title T]

Creates a document with a valid version header (version 0.1.0, status
draft, last_updated today) and the sections its type requires, ready to fill
in. The file passes \`handbook check\` as created.

Options:
  --system S   the system it belongs to (default: the folder under docs/)
  --owner O    the owning team (default: the owner of a document beside it)
  --title T    the title (default: from the file name)
  --cwd DIR    resolve <path> relative to DIR (default: current directory)
  -h, --help   show this help

Exit codes: 0 created, 2 usage error or the file exists.
`;

/** Owner of the first document in the same folder, if any (a sensible default for a sibling). */
async function siblingOwner(folder: string): Promise<string | null> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => /\.mdx?$/.test(n)).sort();
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => null);
    if (text === null) continue;
    const owner = parseDoc({ path: name, text }).frontMatter.data.owner;
    if (typeof owner === 'string' && owner.trim()) return owner.trim();
  }
  return null;
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs({ name: 'new', help }, argv, io, {
    system: { type: 'string' },
    owner: { type: 'string' },
    title: { type: 'string' },
    cwd: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const [type, path, ...extra] = parsed.positionals;
  if (!type || !path || extra.length > 0) {
    return usageError({ name: 'new', help }, io, 'expected a type and a path');
  }
  if (!(DOC_TYPES as readonly string[]).includes(type)) {
    io.stderr.write(`handbook new: unexpected type \`${type}\`, expected one of ${DOC_TYPES.join(', ')}\n`);
    return 2;
  }
  if (!/\.mdx?$/i.test(path)) {
    io.stderr.write(`handbook new: unexpected path \`${path}\`, expected a .md or .mdx file\n`);
    return 2;
  }
  const cwd = resolve(io.cwd, parsed.values.cwd ?? '.');
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute).split('\\').join('/');
  const folderUnderDocs = /^docs\/([^/]+)\//.exec(shown)?.[1] ?? null;
  for (const key of ['system', 'owner', 'title'] as const) {
    const value = parsed.values[key];
    if (value !== undefined && value.trim() === '') {
      io.stderr.write(`handbook new: --${key} is empty, expected a value\n`);
      return 2;
    }
  }
  let today: string;
  try {
    today = todayOf(io.env);
  } catch (error) {
    io.stderr.write(`handbook new: ${(error as Error).message}\n`);
    return 2;
  }
  const text = renderTemplate({
    type: type as DocType,
    title: parsed.values.title?.trim() ?? titleFromPath(shown),
    owner: parsed.values.owner?.trim() ?? (await siblingOwner(dirname(absolute))) ?? 'platform-team',
    system: parsed.values.system?.trim() ?? folderUnderDocs,
    today,
  });
  try {
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(code === 'EEXIST' ? `handbook new: ${shown} already exists, expected a new file\n` : `handbook new: cannot write ${shown}: ${code ?? (error as Error).message}\n`);
    return 2;
  }
  io.stdout.write(`Created ${shown} (${type}, draft 0.1.0). Replace the TODO lines, then run \`npx handbook check ${shown}\`.\n`);
  return 0;
}
