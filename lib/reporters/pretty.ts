import { outsideLine, summarise, type Reporter } from './types.js';

const codes = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39] } as const;
type Style = keyof typeof codes;

/**
 * `--format pretty` (the default): findings grouped by file, one
 * `line:column  severity  message  rule-id` row each, then a summary line.
 * Colour only when asked (a TTY without `NO_COLOR`).
 */
export const pretty: Reporter = (input) => {
  const paint = (style: Style, text: string) => (input.color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const byFile = new Map<string, typeof input.diagnostics>();
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint('underline', input.displayPath ? input.displayPath(file) : file));
    const places = list.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...places.map((p) => p.length));
    list.forEach((d, i) => {
      const severity = d.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
      out.push(`  ${paint('dim', places[i]!.padEnd(width))}  ${severity}  ${d.message}  ${paint('dim', d.ruleId)}`);
    });
    out.push('');
  }
  const { files, errors, warnings } = summarise(input);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = `${plural(files, 'file')} checked`;
  if (errors + warnings === 0) out.push(paint('green', `✔ ${checked}, no problems`));
  else {
    const line = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${checked}`;
    out.push(paint('bold', errors > 0 ? paint('red', line) : paint('yellow', line)));
  }
  // Nothing skipped silently: links not checked because no folder of docs serves their route.
  const outside = outsideLine(input.outside);
  if (outside) out.push(paint('dim', `ℹ ${outside}`));
  return out.join('\n') + '\n';
};
