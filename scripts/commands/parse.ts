import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseDoc } from '../../core/index.js';
import { cacheDirOf } from '../../lib/cache.js';
import { loadConfig } from '../../lib/config.js';
import { CheckConfigError } from '../../lib/corpus.js';
import { siteReadingFor, type SiteReading } from '../../lib/site-reading.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs, usageError } from '../command.js';


const help = `Usage: handbook parse <file> [--cwd DIR]

Prints the model the handbook's core builds from one Markdown/MDX document:
front matter with key positions, headings with their anchors, links, HTML
anchors, code blocks and parse problems, as JSON. The document is read as
the site's build reads it, like \`handbook check\`: the markdown.format of
DIR's docusaurus.config.*, else the format of DIR/handbook.config.json.

Options:
  --cwd DIR   the site's folder; <file> is relative to it (default: current directory)
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
  // Read as the site's build reads it, as `handbook check` and the export do (lib/site-reading.ts): the site config's
  // markdown.format, mdx1Compat and remark-math, else handbook.config.json's format.
  let site: SiteReading;
  try {
    site = await siteReadingFor({ cwd, cacheDir: cacheDirOf(cwd, io.env), config: loadConfig({ cwd }), siteFolders: false });
  } catch (error) {
    if (!(error instanceof CheckConfigError)) throw error;
    io.stderr.write(`handbook parse: ${error.message}\n`);
    return 2;
  }
  for (const notice of site.notices) io.stderr.write(`handbook parse: ${notice}\n`);
  const model = parseDoc({ path: relative(cwd, absolute).split('\\').join('/'), text, markdown: site.markdown });
  const { text: _text, ...rest } = model;
  io.stdout.write(JSON.stringify({ ...rest, frontMatter: { ...model.frontMatter, keys: Object.fromEntries(model.frontMatter.keys) } }, null, 2) + '\n');
  return 0;
}
