import { summarise, type Reporter } from './types.js';

/** Escapes text for a cell of a Markdown table: `|`, line breaks, and what would start HTML or inline code. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
}

/**
 * `--format markdown` (and `--summary FILE`, GitHub's job summary): a
 * heading with the counts, then every finding as a row of one table,
 * `| Severity | Location | Rule | Message |`, the location a link to the
 * line when `lineUrl` is given. Unlike annotations, which GitHub caps at 10
 * errors and 10 warnings per step, the table lists them all.
 */
export const markdown: Reporter = (input) => {
  const { files, errors, warnings } = summarise(input);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const out = [`### handbook check: ${errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`} in ${plural(files, 'file')}`, ''];
  if (input.diagnostics.length > 0) {
    out.push('| Severity | Location | Rule | Message |', '|---|---|---|---|');
    for (const d of input.diagnostics) {
      const file = input.displayPath ? input.displayPath(d.file) : d.file;
      const place = `${file}:${d.line}:${d.column}`;
      const url = input.lineUrl?.(file, d.line);
      const location = url ? `[${cell(place)}](${encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : cell(place);
      out.push(`| ${d.severity} | ${location} | \`${d.ruleId}\` | ${cell(d.message)} |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
};
