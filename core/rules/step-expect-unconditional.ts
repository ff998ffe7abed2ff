import { extractProcedure, parseExpect, type Step } from '../steps.js';
import { shellStatements, staticWords, type ShellStatement } from '../shell.js';
import type { CodeBlock } from '../types.js';
import type { Rule } from './types.js';

/**
 * ## step-expect-unconditional
 *
 * A step's `expect` (or the `text` block after it) that text the command
 * prints whatever happens already matches: an `echo` or `printf` that is
 * not behind `&&`, `||`, `if`, `case` or a loop, and whose output is not
 * piped or sent to a file. The check cannot fail, so the page and
 * `handbook run` report success for a service that is down. The words the
 * shell fills in (`$x`, `$(...)`) are not counted: `echo "v1: $(...)"`
 * prints `v1:` always, so `expect="v1:"` proves nothing, while
 * `expect="v1: active"` still depends on what the command found.
 *
 * Print a verdict only on success and expect it:
 * `... && echo "check: PASS" || echo "check: FAIL"` with `expect="check: PASS"`.
 * Lines after an explicit guard (`|| exit 1`, `if ...; then exit 1; fi`)
 * print only when the guards pass and are not reported; a command that
 * merely can fail is no verdict (`systemctl kill x` succeeds whether or not
 * x stopped, and a step copied from the page runs without `set -e`).
 *
 * not ok (`4:1 Unexpected expect \`v1:\`, printed whatever happens by ...`):
 * ````md
 * Check the old service.
 *
 * ```bash expect="v1:"
 * echo "v1: $(systemctl is-active v1 || true)"
 * ```
 * ````
 */
export const stepExpectUnconditional: Rule = {
  id: 'step-expect-unconditional',
  description: 'A step\'s `expect` is not matched by text the command prints whatever happens',
  severity: 'error',
  check({ doc, report }) {
    for (const step of extractProcedure(doc).steps) {
      if (step.expect === null) continue;
      let matches: (text: string) => boolean;
      try {
        const parsed = parseExpect(step.expect);
        matches = parsed.kind === 'regex' ? (text) => parsed.regex.test(text) : (text) => text.includes(parsed.text);
      } catch {
        continue; // step-expect-regex reports it
      }
      const statements = shellStatements(step.command);
      for (const statement of statements) {
        if (isGuard(statement)) break;
        const printed = unconditionalOutput(statement);
        if (printed === null || !matches(printed)) continue;
        const block = doc.codeBlocks.find((b) => b.place.start.line === step.line);
        const at = { line: lineOf(step, statement, block), column: 1, offset: 0 };
        report({
          message: `Unexpected expect \`${step.expect}\`, printed whatever happens by \`${statement.text}\`, expected an expect only success prints (\`... && echo "check: PASS" || echo "check: FAIL"\` with \`expect="check: PASS"\`)`,
          place: { start: at, end: at },
        });
        break;
      }
    }
  },
};

function lineOf(step: Step, statement: ShellStatement, block: CodeBlock | undefined): number {
  return step.lang === 'console' || !block ? step.line : block.contentStartLine + statement.line;
}

/**
 * Whether a statement is a guard that ends the step on purpose (`exit 1`,
 * `return 1`, `false`), usually behind a test: the lines after it print only
 * when the guards let them. A command that merely can fail is no verdict:
 * `systemctl kill x` succeeds whether or not x stopped.
 */
function isGuard(statement: ShellStatement): boolean {
  const words = staticWords(statement.text);
  return /^(?:exit|return|false)$/.test(words[0] ?? '') && words.at(-1) !== '0';
}

/** Redirection targets that still reach the step's output. */
const shownTargets = new Set(['&1', '&2', '/dev/stdout', '/dev/stderr']);

/**
 * The text an `echo` or `printf` statement prints whatever happens, with its
 * expansions as `\u0000`; null for any other statement, or one that runs
 * only on a condition or whose output goes to a pipe or a file.
 */
export function unconditionalOutput(statement: ShellStatement): string | null {
  if (statement.depth > 0 || statement.before === '&&' || statement.before === '||' || statement.before === '|' || statement.after === '|') return null;
  const words = staticWords(statement.text);
  const command = words[0];
  if (command !== 'echo' && command !== 'printf') return null;
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const redirect = /^(?:[12]?>>?|&>>?)(.*)$/.exec(words[i]!);
    if (redirect) {
      const target = redirect[1] || words[++i] || '';
      if (!shownTargets.has(target)) return null;
      continue;
    }
    args.push(words[i]!);
  }
  if (command === 'echo') {
    while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) args.shift();
    return args.join(' ');
  }
  if (args[0] === '-v') return null;
  const [format = '', ...values] = args;
  return format
    .replace(/%%|%[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[a-zA-Z]/g, (spec) => (spec === '%%' ? '%' : (values.shift() ?? '')))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

export default stepExpectUnconditional;
