import type { Point } from './types.js';

/** A JSON value's path: object keys and array indexes, from the root. */
export type JsonPath = readonly (string | number)[];

export type JsonParseResult =
  | {
      ok: true;
      value: unknown;
      /** Where the value at `path` starts (for an object member: where its key starts); the closest enclosing value when absent. */
      pointOf(path: JsonPath, what?: 'key' | 'value'): Pick<Point, 'line' | 'column'>;
    }
  | { ok: false; line: number; column: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * Parses JSON text (RFC 8259; no comments, no trailing commas), keeping
 * where every key and value starts, so that a schema's complaint about
 * `rules["header-*"]` can name its line and column. A syntax error comes
 * back positioned and worded "Unexpected X, expected Y".
 */
export function parseJson(text: string): JsonParseResult {
  const keys = new Map<string, number>();
  const values = new Map<string, number>();
  let i = 0;
  const describe = (at: number) => (at >= text.length ? 'end of file' : `\`${text[at]}\``);
  const fail = (expected: string, at = i): never => {
    throw new JsonSyntaxError(`Unexpected ${describe(at)}, expected ${expected}`, at);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a closing `"` (a control character must be escaped)');
      i++;
    }
    if (i >= text.length) fail('a closing `"`');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('a valid escape sequence in the string', start);
    }
  };
  const value = (path: string[]): unknown => {
    space();
    values.set(JSON.stringify(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      space();
      if (text[i] === '}') return i++, out;
      for (;;) {
        space();
        if (text[i] !== '"') fail(Object.keys(out).length === 0 ? 'a key in double quotes or `}`' : 'a key in double quotes');
        const keyAt = i;
        const key = string();
        keys.set(JSON.stringify([...path, key]), keyAt);
        space();
        if (text[i] !== ':') fail('`:` after the key');
        i++;
        out[key] = value([...path, key]);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, out;
        else fail('`,` or `}`');
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      space();
      if (text[i] === ']') return i++, out;
      for (;;) {
        out.push(value([...path, String(out.length)]));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, out;
        else fail('`,` or `]`');
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return fail('a value (object, array, string, number, true, false or null)');
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };
  const pointAt = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset; k++) if (text[k] === '\n') (line++, (lineStart = k + 1));
    return { line, column: offset - lineStart + 1 };
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    const parsed = value([]);
    space();
    if (i < text.length) fail('end of file after the value');
    return {
      ok: true,
      value: parsed,
      pointOf(path, what = 'key') {
        const names = path.map(String);
        for (let n = names.length; n >= 0; n--) {
          const id = JSON.stringify(names.slice(0, n));
          const at = (what === 'key' || n < names.length ? keys.get(id) : undefined) ?? values.get(id);
          if (at !== undefined) return pointAt(at);
        }
        return { line: 1, column: 1 };
      },
    };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, ...pointAt(error.at), message: error.message };
  }
}
