import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createChecklistExport, unparsableProcedures } from '../../core/export.js';
import { cacheDirOf } from '../../lib/cache.js';
import { siteReadingFor } from '../../lib/site-reading.js';
import { CheckConfigError, loadPages, normaliseDir } from '../../lib/corpus.js';
import { loadConfig } from '../../lib/config.js';
import type { CommandIo } from '../cli.js';
import { parseCommandArgs } from '../command.js';


const help = `Usage: handbook export [--cwd DIR] [--docs DIR] [--out FILE]

Extracts the steps of every procedure under the docs folder, the way the
page's checklist and \`handbook run\` see them, and prints them as JSON:
{"schemaVersion":1,"docs":[{"path","id","title","version","permalink","params","steps":[...]}]}
Docs without steps are left out. A procedure whose document does not parse
(front matter, MDX) is reported as path:line:column on standard error and
left out, and the exit status is 1.

Options:
  --cwd DIR    the handbook's folder (default: current directory); paths are relative to it
  --docs DIR   the docs folder inside it (default: handbook.config.json's docs, else the
               Docusaurus site's docs plugin path, else docs)
  --out FILE   write to FILE instead of standard output
  -h, --help   show this help
`;

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs({ name: 'export', help, positionals: false }, argv, io, { cwd: { type: 'string' }, docs: { type: 'string' }, out: { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  const cwd = resolve(io.cwd, parsed.values.cwd ?? '.');
  let docs;
  let docsDir;
  let routeBasePath;
  try {
    // The docs folder and route as `handbook check` and `handbook run` find them (--docs, else handbook.config.json's,
    // else the site's docs plugin), and Markdown read as the site reads it (lib/site-reading.ts).
    const fromFile = loadConfig({ cwd });
    const config = { ...fromFile, docs: normaliseDir(parsed.values.docs ?? fromFile.docs) };
    const site = await siteReadingFor({ cwd, cacheDir: cacheDirOf(cwd, io.env), config, docsNamed: parsed.values.docs !== undefined });
    for (const notice of site.notices) io.stderr.write(`handbook export: ${notice}\n`);
    ({ docsDir, routeBasePath } = site);
    docs = (await loadPages({ cwd, docsDir, routeBasePath, markdown: site.markdown, alerts: false, trees: false })).pages;
  } catch (error) {
    io.stderr.write(`handbook export: ${error instanceof CheckConfigError ? error.message : `cannot read ${parsed.values.docs ?? 'docs'} in ${cwd}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`}\n`);
    return 2;
  }
  const json = JSON.stringify(createChecklistExport({ docs, docsDir, routeBasePath }), null, 2) + '\n';
  const unparsable = unparsableProcedures(docs);
  for (const u of unparsable) io.stderr.write(`${u.path}:${u.line}:${u.column}: ${u.message} [${u.ruleId}]\n`);
  if (parsed.values.out) {
    const out = resolve(io.cwd, parsed.values.out);
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, json);
    } catch (error) {
      io.stderr.write(`handbook export: cannot write ${parsed.values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  } else {
    io.stdout.write(json);
  }
  return unparsable.length > 0 ? 1 : 0;
}
