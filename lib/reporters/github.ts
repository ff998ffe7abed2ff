import type { Reporter } from './types.js';

/** Escapes a workflow command's message (`%`, CR, LF). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `--format github`: one workflow command per finding, which GitHub Actions
 * shows as an annotation on the pull request's diff:
 * `::error file=docs/a.md,line=3,col=1,title=header-schema::message`.
 */
export const github: Reporter = (input) =>
  input.diagnostics
    .map((d) => {
      const file = input.displayPath ? input.displayPath(d.file) : d.file;
      const props = [`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.ruleId)}`];
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
