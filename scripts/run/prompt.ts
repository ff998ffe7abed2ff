/**
 * Questions on a terminal: a line of input with or without echo, read in raw
 * mode so that Ctrl-C while a question is open is an interruption like any
 * other (not a signal that would bypass the run log), and Ctrl-D an answer
 * that means "no more input".
 *
 * Only keys typed after a question is shown answer it: keys typed while a
 * step ran (the terminal buffers them) or typed ahead after an Enter are
 * dropped, so a stray `r` + Enter cannot start the next step.
 */

/** Input arriving this soon after a question was already waiting in the terminal: it is dropped. */
const STALE_INPUT_MS = 30;

/** Ctrl-C at a prompt. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}

export interface Prompter {
  /** Asks for a line; null when the input ends (Ctrl-D on an empty line, terminal closed). */
  line(question: string, options?: { secret?: boolean }): Promise<string | null>;
  /** Asks until `parse` accepts the answer (returns non-null) or the input ends. */
  choose<T>(question: string, parse: (answer: string) => T | null, retry: string): Promise<T | null>;
}

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export function createTtyPrompter(stdin: TtyIn, stdout: NodeJS.WritableStream): Prompter {
  const line: Prompter['line'] = (question, { secret = false } = {}) => {
    stdout.write(question);
    return new Promise<string | null>((resolve, reject) => {
      let buffer = '';
      const askedAt = Date.now();
      const cleanup = () => {
        stdin.removeListener('data', onData);
        stdin.removeListener('end', onEnd);
        stdin.setRawMode?.(false);
        stdin.pause();
      };
      const onEnd = () => {
        cleanup();
        stdout.write('\n');
        resolve(null);
      };
      const onData = (data: Buffer | string) => {
        let text = typeof data === 'string' ? data : data.toString('utf8');
        // Stale keys are dropped, but never a Ctrl-C: an interruption is never lost.
        if (Date.now() - askedAt < STALE_INPUT_MS) {
          if (!text.includes('\x03')) return;
          text = '\x03';
        }
        // Escape sequences (arrow keys, function keys) are not input.
        text = text.replace(/\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g, '');
        for (let i = 0; i < text.length; i++) {
          const ch = text[i]!;
          if (ch === '\r' || ch === '\n') {
            cleanup();
            stdout.write('\n');
            resolve(buffer);
            return;
          }
          if (ch === '\x03') {
            cleanup();
            stdout.write('^C\n');
            reject(new PromptInterrupted());
            return;
          }
          if (ch === '\x04') {
            if (buffer === '') {
              cleanup();
              stdout.write('\n');
              resolve(null);
              return;
            }
            continue;
          }
          if (ch === '\x7f' || ch === '\b') {
            if (buffer) {
              buffer = buffer.slice(0, -1);
              if (!secret) stdout.write('\b \b');
            }
            continue;
          }
          if (ch === '\x15') {
            if (!secret) stdout.write('\b \b'.repeat(buffer.length));
            buffer = '';
            continue;
          }
          if (ch < ' ') continue;
          buffer += ch;
          if (!secret) stdout.write(ch);
        }
      };
      stdin.setRawMode?.(true);
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      stdin.resume();
    });
  };

  return {
    line,
    async choose(question, parse, retry) {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const answer = await line(attempt ? retry : question);
        if (answer === null) return null;
        const parsed = parse(answer.trim());
        if (parsed !== null) return parsed;
      }
      return null;
    },
  };
}
