import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../core/parse.js';
import { extractProcedure } from '../../core/steps.js';

const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/checklist/extraction.mdx'), 'utf8');

describe('step extraction over the checklist fixture (MDX)', () => {
  const procedure = extractProcedure(parseDoc({ path: 'docs/extraction.mdx', text }));

  it('finds titles from meta, the sentence before, the first comment, or the position', () => {
    expect(procedure.steps.map((s) => [s.id, s.title, s.section])).toEqual([
      ['drain-the-host-first', 'Drain the host first', null],
      ['step-2', 'Step 2', 'Titles'],
      ['then-wait-for-it', 'Then wait for it', 'Titles'],
      ['step-4', 'Step 4', 'Titles'],
      ['check-the-status', 'Check the status', 'Expectations'],
      ['check-the-status-2', 'Check the status', 'Expectations'],
      ['print-the-torture', 'Print the torture', 'Expectations'],
    ]);
  });

  it('splits console transcripts into the command and its output', () => {
    const step = procedure.steps[3]!;
    expect(step.lang).toBe('console');
    expect(step.command).toBe('curl -s localhost:$PORT/ready \\\n  --max-time 5\necho done');
    expect(step.expect).toBe('ready\ndone');
    expect(step.params).toEqual(['PORT']);
  });

  it('takes expect from meta or from the text block right after, and leaves skip out', () => {
    expect(procedure.steps[4]!.expect).toBe('/^active$/m');
    expect(procedure.steps[5]!.expect).toBe('active');
    expect(procedure.skipped.map((b) => b.value)).toEqual(['echo illustration only']);
  });

  it('reads params with defaults as strings and keeps the torture verbatim', () => {
    expect(procedure.params.PORT).toEqual({ name: 'PORT', description: 'Port', default: '8080', enum: null, pattern: '^[0-9]+$', secret: false });
    expect(procedure.steps[0]!.params).toEqual(['HOST', 'PORT']);
    expect(procedure.steps[6]!.command).toBe(`printf '%s\\n' "<script>" '{x}' "\\\`backticks\\\`" '</code>' '\${x}' {}`);
    expect(procedure.problems).toEqual([]);
  });
});
