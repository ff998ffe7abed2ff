import { extractProcedure, paramReference, type Step } from '../steps.js';
import { unexpandedSpans } from '../shell.js';
import type { CodeBlock } from '../types.js';
import type { Rule } from './types.js';

/**
 * ## step-param-reference
 *
 * A front-matter parameter used in a command in a form that neither the
 * page's copy button fills nor `handbook run` asks for. Both know only
 * `$NAME`, `${NAME}` and the guards `${NAME:?}` / `${NAME?}`, outside single
 * quotes. Anything else reaches the shell empty: a program reading the
 * environment by name (`jq`'s `env.NAME`, `os.environ["NAME"]`,
 * `printenv NAME`), another expansion (`${NAME:-x}`, `${#NAME}`,
 * `${NAME%.*}`), or `$NAME` inside single quotes, which the shell leaves as
 * written. Write `${NAME}` and pass the value explicitly
 * (`jq --arg key "${NAME}"`, `-v name="${NAME}"`, `-e NAME="${NAME}"`).
 *
 * not ok (`13:1 Unexpected \`env.SOURCE_API_KEY\` in step \`store-the-key\` (a read from the environment by name), ...`):
 * ````md
 * ---
 * title: Rotate the key
 * version: 1.0.0
 * params:
 *   SOURCE_API_KEY:
 *     secret: true
 * ---
 *
 * Store the key.
 *
 * ```bash
 * jq -n '{api_key: env.SOURCE_API_KEY}' > secret.json
 * ```
 * ````
 */
export const stepParamReference: Rule = {
  id: 'step-param-reference',
  description: 'Steps use parameters as `${NAME}` (or `${NAME:?}`), the form the page and `handbook run` fill',
  severity: 'error',
  check({ doc, report }) {
    const procedure = extractProcedure(doc);
    const names = Object.keys(procedure.params);
    if (names.length === 0) return;
    const byName = new RegExp(
      String.raw`\$?\benv\.(NAME)\b|\b(?:ENV|env|environ)\[\s*["'](NAME)["']|\benviron\.get\(\s*["'](NAME)["']|\bgetenv\(\s*["'](NAME)["']|\bprocess\.env\.(NAME)\b|\bprintenv\s+(NAME)\b|\$\{#?(NAME)(?![}\w]|:?\?)[^}]*\}`.replace(/NAME/g, names.join('|')),
      'g',
    );
    for (const step of procedure.steps) {
      const block = doc.codeBlocks.find((b) => b.place.start.line === step.line);
      const found: { offset: number; text: string; name: string; why: string }[] = [];
      for (const match of step.command.matchAll(byName)) {
        const name = match.slice(1).find((g) => g !== undefined)!;
        const why = match[0].startsWith('${') ? 'an expansion' : 'a read from the environment by name';
        found.push({ offset: match.index!, text: match[0], name, why });
      }
      const spans = unexpandedSpans(step.command);
      for (const match of step.command.matchAll(paramReference)) {
        const name = match[1] ?? match[3]!;
        const offset = match.index!;
        const span = spans.find(([start, end]) => offset > start && offset < end);
        if (!names.includes(name) || span === undefined || step.command[span[0]] === '#') continue;
        found.push({ offset, text: match[0], name, why: 'in single quotes, which the shell does not expand' });
      }
      found.sort((a, b) => a.offset - b.offset);
      for (const { offset, text, name, why } of found) {
        const at = { line: lineOf(step, block, offset), column: 1, offset: 0 };
        report({
          message: `Unexpected \`${text}\` in step \`${step.id}\` (${why}), expected \`\${${name}}\` outside single quotes, the form the page and \`handbook run\` fill`,
          place: { start: at, end: at },
        });
      }
    }
  },
};

function lineOf(step: Step, block: CodeBlock | undefined, offset: number): number {
  if (step.lang === 'console' || !block) return step.line;
  return block.contentStartLine + step.command.slice(0, offset).split('\n').length - 1;
}

export default stepParamReference;
