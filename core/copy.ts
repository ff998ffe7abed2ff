import type { StepParam } from './steps.js';

/**
 * The text a step's copy button puts on the clipboard: a preamble that sets
 * the parameters the step uses, then the command exactly as written.
 *
 * Nothing is substituted inside the command, so no quoting context of it
 * (nested `$( )`, backticks, double or single quotes, here-documents, `!`)
 * can be misread: the shell expands `${NAME}` itself, as `handbook run` has it
 * expand the same name from its environment. Each value is written once, in
 * single quotes, where a shell reads every character literally (history
 * expansion included). Secret parameters are not on the page at all: the
 * preamble reads them in the terminal, without echo, when the text is run.
 *
 * ```sh
 * export ENV='production'
 * export RELEASE='v1.2'
 * {
 * printf '%s' 'DB_PASSWORD (secret, not echoed): ' >&2; IFS= read -rs DB_PASSWORD; printf '\n' >&2; export DB_PASSWORD
 * psql "postgres://app:${DB_PASSWORD}@db/${ENV}" -c 'select 1'
 * }
 * ```
 *
 * With a secret the reading and the command are one `{ … }` group: a shell
 * parses the whole group before it runs any of it, so `read` waits for the
 * operator instead of taking the next pasted line as the secret (a terminal
 * without bracketed paste delivers a paste line by line).
 */

/** A parameter the step uses, with the value the page has for it (ignored for secrets). */
export interface CopyParam {
  spec: StepParam;
  value: string | null;
}

export interface CopyProblem {
  name: string;
  /** `required`, or why the value is refused: `expected one of a, b`, `contains a control character`. */
  problem: string;
}

export type CopyResult = { ok: true; text: string } | { ok: false; problems: CopyProblem[] };

/** A value in single quotes: the shell reads it as written; a `'` is closed, escaped and reopened. */
export function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Why a value cannot go into pasted shell text: control characters (other than none) reach the terminal's line editor. */
export function unsafeValue(value: string): string | null {
  // Tab, newline and escape among them: an escape sequence can end a bracketed paste early, a newline runs half a line.
  return /[\u0000-\u001f\u007f-\u009f]/.test(value) ? 'contains a control character' : null;
}

/** Why a value is not acceptable for its parameter: missing, not in `enum`, not matching `pattern`. */
export function paramValueProblem(spec: StepParam, value: string | null): string | null {
  if (value === null || value === '') return 'required';
  if (spec.enum && !spec.enum.includes(value)) return `expected one of ${spec.enum.join(', ')}`;
  if (spec.pattern) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(spec.pattern);
    } catch {
      pattern = null;
    }
    if (pattern && !pattern.test(value)) return `expected to match ${spec.pattern}`;
  }
  return unsafeValue(value);
}

/** The line that reads a secret parameter in the terminal, without echo, and exports it. */
export function readSecretLine(name: string): string {
  return `printf '%s' ${singleQuote(`${name} (secret, not echoed): `)} >&2; IFS= read -rs ${name}; printf '\\n' >&2; export ${name}`;
}

/**
 * The copy of a step's command with its parameters: refused, naming each
 * parameter, when a non-secret one has no acceptable value.
 */
export function copyText({ command, params }: { command: string; params: readonly CopyParam[] }): CopyResult {
  const problems: CopyProblem[] = [];
  for (const { spec, value } of params) {
    if (spec.secret) continue;
    const problem = paramValueProblem(spec, value);
    if (problem !== null) problems.push({ name: spec.name, problem });
  }
  if (problems.length > 0) return { ok: false, problems };
  const exports = params.filter((p) => !p.spec.secret).map((p) => `export ${p.spec.name}=${singleQuote(p.value!)}`);
  const secrets = params.filter((p) => p.spec.secret).map((p) => readSecretLine(p.spec.name));
  const body = secrets.length > 0 ? ['{', ...secrets, command, '}'] : [command];
  return { ok: true, text: [...exports, ...body].join('\n') };
}
