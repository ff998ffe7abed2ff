import type { StepParam } from '../../core/index.js';
import { didYouMean } from './suggest.js';
import { SECRET_MASK, type ParamRecord, type ParamSource } from './types.js';

/**
 * Parameter values for a run, from (first wins) `--param NAME=VALUE`, the
 * environment variable `HANDBOOK_PARAM_<NAME>` (for CI secrets: never on a
 * command line), the resumed log (non-secret values only), the front matter
 * `default`. What is still missing is prompted for by the command, or refused.
 */

/** Prefix of the environment variables that supply parameter values. */
export const PARAM_ENV_PREFIX = 'HANDBOOK_PARAM_';

export interface ResolveParamsOptions {
  /** The doc's declared parameters (front matter `params`). */
  declared: Record<string, StepParam>;
  /** `--param` arguments as given: `NAME=VALUE`. */
  cli: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Parameters of the log a `--resume` continues. */
  fromLog?: Record<string, ParamRecord> | undefined;
  /** Names the selected steps use: only these can be missing. */
  needed: readonly string[];
}

export interface ResolvedParams {
  values: Record<string, string>;
  sources: Record<string, ParamSource>;
  /** Needed parameters without a value, in declaration order. */
  missing: string[];
  /** Usage errors: malformed or unknown `--param`, values failing `enum`/`pattern`. */
  errors: string[];
}

/** Why `value` is not acceptable for `param`, or null. Never repeats a secret value. */
export function validateParamValue(param: StepParam, value: string): string | null {
  const shown = param.secret ? 'the secret value' : `\`${value}\``;
  if (param.enum && !param.enum.includes(value)) {
    return `Unexpected ${shown} for ${param.name}, expected one of ${param.enum.map((v) => `\`${v}\``).join(', ')}${param.secret ? '' : didYouMean(value, param.enum)}`;
  }
  if (param.pattern !== null) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(param.pattern);
    } catch {
      return `Unexpected pattern \`${param.pattern}\` of ${param.name} in the front matter, expected a valid regular expression`;
    }
    if (!pattern.test(value)) return `Unexpected ${shown} for ${param.name}, expected a value matching /${param.pattern}/`;
  }
  return null;
}

export function resolveParams({ declared, cli, env, fromLog, needed }: ResolveParamsOptions): ResolvedParams {
  const values: Record<string, string> = {};
  const sources: Record<string, ParamSource> = {};
  const errors: string[] = [];
  const names = Object.keys(declared);

  const set = (name: string, value: string, source: ParamSource) => {
    if (name in values) return;
    values[name] = value;
    sources[name] = source;
  };

  for (const argument of cli) {
    const eq = argument.indexOf('=');
    if (eq <= 0) {
      errors.push(`--param expects NAME=VALUE, got \`${argument}\``);
      continue;
    }
    const name = argument.slice(0, eq);
    if (!(name in declared)) {
      errors.push(
        names.length
          ? `Unexpected parameter \`${name}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ')}${didYouMean(name, names)}`
          : `Unexpected parameter \`${name}\`, the doc declares no params`,
      );
      continue;
    }
    if (name in values) {
      errors.push(`--param ${name} is given more than once`);
      continue;
    }
    set(name, argument.slice(eq + 1), 'param');
  }
  for (const name of names) {
    const fromEnv = env[PARAM_ENV_PREFIX + name];
    if (fromEnv !== undefined) set(name, fromEnv, 'env');
  }
  for (const [name, record] of Object.entries(fromLog ?? {})) {
    // A secret was masked in the log: it must be supplied again.
    if (name in declared && !record.secret && !declared[name]!.secret) set(name, record.value, 'log');
  }
  for (const name of names) {
    const fallback = declared[name]!.default;
    if (fallback !== null) set(name, fallback, 'default');
  }

  for (const name of names) {
    if (!(name in values)) continue;
    const problem = validateParamValue(declared[name]!, values[name]!);
    if (problem) errors.push(sources[name] === 'default' ? `${problem} (the front matter default)` : problem);
  }
  const missing = names.filter((name) => needed.includes(name) && !(name in values));
  return { values, sources, missing, errors };
}

/** The values of the secret parameters, longest first (the order to mask them in). */
export function secretValues(declared: Record<string, StepParam>, values: Record<string, string>): string[] {
  return Object.keys(declared)
    .filter((name) => declared[name]!.secret && values[name])
    .map((name) => values[name]!)
    .sort((a, b) => b.length - a.length);
}

/** Parameters as the log and the plan show them: secret values masked. */
export function paramRecords(declared: Record<string, StepParam>, values: Record<string, string>, sources: Record<string, ParamSource>): Record<string, ParamRecord> {
  const records: Record<string, ParamRecord> = {};
  for (const name of Object.keys(declared)) {
    if (!(name in values)) continue;
    const secret = declared[name]!.secret;
    records[name] = { value: secret ? SECRET_MASK : values[name]!, source: sources[name]!, secret };
  }
  return records;
}
