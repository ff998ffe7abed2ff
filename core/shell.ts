/**
 * A small, forgiving reader of shell scripts for the step rules: which simple
 * commands a step runs, joined by which operators, at which nesting, and
 * which text of them is quoted how. Not a shell parser (`bash -n` checks the
 * syntax, `shell-syntax`): it never throws and reads what it does not
 * understand as plain words.
 */

/** The operator between two simple commands; `''` at the start of the script or of a line. */
export type ShellOperator = '' | ';' | '&&' | '||' | '|' | '&';

export interface ShellStatement {
  /** The simple command as written, trimmed, reserved words in front of it removed (`then echo x` -> `echo x`). */
  text: string;
  /** 0-based line of the script where it starts. */
  line: number;
  /** The operator before and after it. */
  before: ShellOperator;
  after: ShellOperator;
  /** How many `if`/`case`/loops/function bodies enclose it (0: it runs whenever the lines before it do). */
  depth: number;
}

const openers = new Set(['if', 'case', 'while', 'until', 'for', 'select']);
const closers = new Set(['fi', 'esac', 'done']);
const prefixes = new Set(['then', 'else', 'elif', 'do', '!', '{', 'time']);

/**
 * The simple commands of a script in order. Quotes, `$(...)`, backticks and
 * comments are skipped over, the bodies of here-documents are not commands.
 */
export function shellStatements(script: string): ShellStatement[] {
  const raw: { text: string; line: number; before: ShellOperator; after: ShellOperator }[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let before: ShellOperator = '';
  const stack: string[] = [];
  const heredocs: { word: string; strip: boolean }[] = [];
  let comment = -1;
  const push = (end: number, after: ShellOperator): void => {
    raw.push({ text: script.slice(start, comment >= start ? comment : end), line: startLine, before, after });
    before = after;
    comment = -1;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    const top = stack.at(-1);
    if (top === "'") {
      if (ch === "'") stack.pop();
      else if (ch === '\n') line++;
      continue;
    }
    if (ch === '\\') {
      if (script[i + 1] === '\n') line++;
      i++;
      continue;
    }
    if (top === '"') {
      if (ch === '"') stack.pop();
      else if (ch === '$' && script[i + 1] === '(') (stack.push('$('), i++);
      else if (ch === '`') stack.push('`');
      else if (ch === '\n') line++;
      continue;
    }
    if (top === '`') {
      if (ch === '`') stack.pop();
      else if (ch === '\n') line++;
      continue;
    }
    // Top level or inside $( ... ).
    if (ch === "'" || ch === '"' || ch === '`') {
      stack.push(ch);
      continue;
    }
    if (ch === '$' && script[i + 1] === '(') {
      stack.push('$(');
      i++;
      continue;
    }
    if (ch === '$' && script[i + 1] === '{') {
      const close = script.indexOf('}', i);
      if (close !== -1) i = close;
      continue;
    }
    if (ch === '#' && (i === 0 || /[\s;&|()]/.test(script[i - 1]!))) {
      if (top === undefined) comment = i;
      const end = script.indexOf('\n', i);
      i = (end === -1 ? script.length : end) - 1;
      continue;
    }
    if (top !== undefined) {
      if (ch === '(') stack.push('(');
      else if (ch === ')') stack.pop();
      else if (ch === '\n') line++;
      continue;
    }
    if (ch === '<' && script[i + 1] === '<' && script[i + 2] !== '<') {
      const match = /^<<(-?)[ \t]*(['"]?)([\w.-]+)\2/.exec(script.slice(i));
      if (match) {
        heredocs.push({ word: match[3]!, strip: match[1] === '-' });
        i += match[0].length - 1;
      }
      continue;
    }
    if (ch === '\n') {
      push(i, '');
      line++;
      // Here-document bodies start on the next line and are not commands.
      for (const doc of heredocs.splice(0)) {
        while (i < script.length) {
          const end = script.indexOf('\n', i + 1);
          const bodyLine = script.slice(i + 1, end === -1 ? script.length : end);
          i = end === -1 ? script.length : end;
          line++;
          if ((doc.strip ? bodyLine.replace(/^\t+/, '') : bodyLine) === doc.word) break;
        }
      }
      start = i + 1;
      startLine = line;
      continue;
    }
    const two = script.slice(i, i + 2);
    const op: ShellOperator | null = two === '&&' || two === '||' ? two : ch === ';' || ch === '|' || ch === '&' ? (ch as ShellOperator) : null;
    if (op === null) continue;
    if (op === '&' && (script[i - 1] === '>' || script[i + 1] === '>')) continue; // `2>&1`, `&>`
    if (op === ';' && script[i + 1] === ';') {
      push(i, ';');
      i++;
    } else {
      push(i, op);
      if (op.length === 2) i++;
    }
    start = i + 1;
    startLine = line;
  }
  push(script.length, '');

  const statements: ShellStatement[] = [];
  let depth = 0;
  for (const r of raw) {
    let text = r.text.trim();
    if (text === '') continue;
    let first = /^\S+/.exec(text)![0];
    while (prefixes.has(first) && text.length > first.length) {
      if (first === '{') depth++;
      text = text.slice(first.length).trim();
      first = /^\S+/.exec(text)![0];
    }
    if (closers.has(first) || first === '}') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (openers.has(first) || /^(?:function\s+[\w-]+|[\w-]+\s*\(\s*\))/.test(text)) {
      depth++;
      statements.push({ text, line: r.line, before: r.before, after: r.after, depth });
      continue;
    }
    if (first === '{') depth++;
    if (prefixes.has(first)) continue;
    statements.push({ text, line: r.line, before: r.before, after: r.after, depth });
  }
  return statements;
}

/**
 * The words of a simple command with quotes removed: the text the shell
 * passes on, with every expansion (`$x`, `${x}`, `$(...)`, backticks) as
 * `\u0000`, a character no output contains.
 */
export function staticWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  const add = (s: string): void => {
    word = (word ?? '') + s;
  };
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      add(command.slice(i + 1, end === -1 ? command.length : end));
      i = end === -1 ? command.length : end;
    } else if (ch === '"') {
      add('');
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && /["\\$`]/.test(command[i + 1] ?? '')) add(command[++i]!);
        else if (command[i] === '$' || command[i] === '`') i = skipExpansion(command, i) - 1, add('\u0000');
        else add(command[i]!);
      }
    } else if (ch === '\\') {
      add(command[++i] ?? '');
    } else if (ch === '$' || ch === '`') {
      i = skipExpansion(command, i) - 1;
      add('\u0000');
    } else {
      add(ch);
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The index right after the expansion that starts at `i` (`$x`, `${...}`, `$(...)`, `` `...` ``). */
function skipExpansion(text: string, i: number): number {
  if (text[i] === '`') {
    const end = text.indexOf('`', i + 1);
    return end === -1 ? text.length : end + 1;
  }
  const next = text[i + 1];
  if (next === '{' || next === '(') {
    const open = next;
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === open) depth++;
      else if (text[j] === close && --depth === 0) return j + 1;
    }
    return text.length;
  }
  const name = /^[A-Za-z_]\w*|^[0-9?#@*$!-]/.exec(text.slice(i + 1));
  return name ? i + 1 + name[0].length : i + 1;
}

/**
 * The spans of the script that the shell does not expand: single-quoted text,
 * comments and the bodies of here-documents with a quoted delimiter
 * (`<<'SQL'`), as `[start, end)` offsets. A `$NAME` there reaches the command
 * as written. In the body of `<<SQL` the shell expands everything and quotes
 * are plain characters.
 */
export function unexpandedSpans(script: string): [number, number][] {
  const spans: [number, number][] = [];
  let inDouble = false;
  const heredocs: { word: string; quoted: boolean; strip: boolean }[] = [];
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === '\n' && !inDouble && heredocs.length > 0) {
      for (const doc of heredocs.splice(0)) {
        const start = i + 1;
        let end = start;
        while (end < script.length) {
          const next = script.indexOf('\n', end);
          const line = script.slice(end, next === -1 ? script.length : next);
          if ((doc.strip ? line.replace(/^\t+/, '') : line) === doc.word) break;
          end = next === -1 ? script.length : next + 1;
        }
        if (doc.quoted) spans.push([start, end]);
        const lineEnd = script.indexOf('\n', end);
        i = lineEnd === -1 ? script.length : lineEnd;
      }
      continue;
    }
    if (!inDouble && ch === '<' && script[i + 1] === '<' && script[i + 2] !== '<') {
      const match = /^<<(-?)[ \t]*(['"]?)([\w.-]+)\2/.exec(script.slice(i));
      if (match) {
        heredocs.push({ word: match[3]!, quoted: match[2] !== '', strip: match[1] === '-' });
        i += match[0].length - 1;
        continue;
      }
    }
    if (ch === '\\') {
      i++;
    } else if (ch === '"') {
      inDouble = !inDouble;
    } else if (!inDouble && ch === "'") {
      const end = script.indexOf("'", i + 1);
      spans.push([i, end === -1 ? script.length : end + 1]);
      i = end === -1 ? script.length : end;
    } else if (!inDouble && ch === '#' && (i === 0 || /[\s;&|()]/.test(script[i - 1]!))) {
      const end = script.indexOf('\n', i);
      spans.push([i, end === -1 ? script.length : end]);
      i = end === -1 ? script.length : end;
    }
  }
  return spans;
}
