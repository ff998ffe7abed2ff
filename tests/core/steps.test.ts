import { describe, expect, it } from 'vitest';
import { extractProcedure, matchesExpect, metaAsWritten, parseDoc, parseStepMeta, splitConsole } from '../../core/index.js';

const doc = (text: string, path = 'docs/p.md') => extractProcedure(parseDoc({ path, text }));

describe('extractProcedure', () => {
  const text = [
    '---', // 1
    'title: Backfill',
    'params:',
    '  QUARTER:',
    '    description: Quarter',
    "    pattern: '^[0-9]{4}Q[1-4]$'",
    '  ENVIRONMENT:',
    '    enum: [staging, production]',
    '    default: staging',
    '  TOKEN:',
    '    secret: true',
    '---', // 12
    '',
    '# Backfill',
    '',
    '## Phase 1: Prepare', // 16
    '',
    'Check the cluster first. Then look at the queue:', // 18
    '',
    '```bash time=2m', // 20
    'kubectl get pods -n "${ENVIRONMENT}"',
    '```',
    '',
    '```text', // 24
    'Running',
    '```',
    '',
    '```sh title="Count rows" id=count expect="/^\\d+$/" {1}', // 28
    '# not the title',
    'psql -tAc "select count(*) from t where q = \'$QUARTER\'"',
    '```',
    '',
    '```bash', // 33
    '# Warm the cache',
    'curl -fsS "https://api/warm?token=${TOKEN}"',
    '```',
    '',
    '## Phase 2: Load', // 38
    '',
    '```console danger time=1h', // 40
    '$ airflow dags trigger backfill \\',
    '    --conf "{\\"quarter\\": \\"${QUARTER}\\"}"',
    'Created <DagRun backfill>',
    '```',
    '',
    '```bash skip', // 46
    'echo illustration',
    '```',
    '',
    '```zsh', // 50
    'true',
    '```',
    '',
  ].join('\n');
  const procedure = doc(text);

  it('extracts titles, ids, sections, expect, time, danger, params and lines', () => {
    expect(procedure.steps).toEqual([
      { id: 'then-look-at-the-queue', title: 'Then look at the queue', titleFrom: 'text', section: 'Phase 1: Prepare', sectionAnchor: 'phase-1-prepare', lang: 'bash', command: 'kubectl get pods -n "${ENVIRONMENT}"', expect: 'Running', timeMinutes: 2, danger: false, line: 20, params: ['ENVIRONMENT'], index: 0 },
      { id: 'count', title: 'Count rows', titleFrom: 'meta', section: 'Phase 1: Prepare', sectionAnchor: 'phase-1-prepare', lang: 'sh', command: "# not the title\npsql -tAc \"select count(*) from t where q = '$QUARTER'\"", expect: '/^\\d+$/', timeMinutes: null, danger: false, line: 28, params: ['QUARTER'], index: 1 },
      { id: 'warm-the-cache', title: 'Warm the cache', titleFrom: 'comment', section: 'Phase 1: Prepare', sectionAnchor: 'phase-1-prepare', lang: 'bash', command: '# Warm the cache\ncurl -fsS "https://api/warm?token=${TOKEN}"', expect: null, timeMinutes: null, danger: false, line: 33, params: ['TOKEN'], index: 2 },
      { id: 'step-4', title: 'Step 4', titleFrom: 'position', section: 'Phase 2: Load', sectionAnchor: 'phase-2-load', lang: 'console', command: 'airflow dags trigger backfill \\\n    --conf "{\\"quarter\\": \\"${QUARTER}\\"}"', expect: 'Created <DagRun backfill>', timeMinutes: 60, danger: true, line: 40, params: ['QUARTER'], index: 3 },
      { id: 'step-5', title: 'Step 5', titleFrom: 'position', section: 'Phase 2: Load', sectionAnchor: 'phase-2-load', lang: 'zsh', command: 'true', expect: null, timeMinutes: null, danger: false, line: 50, params: [], index: 4 },
    ]);
    expect(procedure.skipped.map((b) => b.place.start.line)).toEqual([46]);
    expect(procedure.problems).toEqual([]);
    expect(procedure.params).toEqual({
      QUARTER: { name: 'QUARTER', description: 'Quarter', default: null, enum: null, pattern: '^[0-9]{4}Q[1-4]$', secret: false },
      ENVIRONMENT: { name: 'ENVIRONMENT', description: '', default: 'staging', enum: ['staging', 'production'], pattern: null, secret: false },
      TOKEN: { name: 'TOKEN', description: '', default: null, enum: null, pattern: null, secret: true },
    });
  });

  it('reports unknown meta, duplicate ids, bad regex and bad time at the fence', () => {
    const p = doc('## S\n\n```bash id=a colour=red\ntrue\n```\n\n```bash id=a time=5x expect="/([/"\ntrue\n```\n');
    expect(p.problems.map((x) => [x.code, x.place.start.line])).toEqual([
      ['unknown-meta', 3],
      ['duplicate-id', 7],
      ['bad-time', 7],
      ['bad-expect-regex', 7],
    ]);
    expect(p.steps.map((s) => s.id)).toEqual(['a', 'a-2']);
  });

  it('reads step meta as written: CommonMark escapes in the info string do not change an expect', () => {
    // The parser's meta of `expect="/^0\\|/"` is `expect="/^0|/"`, a regex that matches anything.
    const text = '## S\n\n```bash id=wal expect="/^0\\|/"\ntrue\n```\n\n  ~~~~sh   expect="a\\.b &amp; c"  title="x"  \ntrue\n  ~~~~\n\n```bash\ntrue\n```\n';
    const parsed = parseDoc({ path: 'docs/p.md', text });
    expect(parsed.codeBlocks.map((b) => b.meta)).toEqual(['id=wal expect="/^0|/"', 'expect="a.b & c"  title="x"  ', null]);
    expect(parsed.codeBlocks.map((b) => metaAsWritten(text, b))).toEqual(['id=wal expect="/^0\\|/"', 'expect="a\\.b &amp; c"  title="x"', null]);
    const p = extractProcedure(parsed);
    expect(p.steps.map((s) => s.expect)).toEqual(['/^0\\|/', 'a\\.b &amp; c', null]);
    expect(matchesExpect(p.steps[0]!.expect!, '1|0|0')).toBe(false);
    expect(matchesExpect(p.steps[0]!.expect!, '0|12|12')).toBe(true);
  });

  it('makes derived ids unique', () => {
    const p = doc('## S\n\nRestart it.\n\n```bash\ntrue\n```\n\nRestart it.\n\n```bash\ntrue\n```\n');
    expect(p.steps.map((s) => s.id)).toEqual(['restart-it', 'restart-it-2']);
  });

  it('keeps quoting torture verbatim in md and mdx', () => {
    const body = "echo '<script>alert(1)</script>' \"${x}\" `date` {a} </code> \\\n  && printf '%s\\n' \"$HOME\"";
    for (const path of ['docs/t.md', 'docs/t.mdx']) {
      const p = doc(`# T\n\n## S\n\n\`\`\`bash\n${body}\n\`\`\`\n`, path);
      expect(p.steps[0]!.command).toBe(body);
    }
  });
});

describe('parseStepMeta', () => {
  it('separates our keys from Docusaurus meta', () => {
    expect(parseStepMeta('title="Say \\"hi\\"" {1,3-4} showLineNumbers id=x expect=\'a b\' time=30s danger foo=bar')).toEqual({
      title: 'Say "hi"',
      id: 'x',
      expect: 'a b',
      time: '30s',
      danger: true,
      skip: false,
      unknown: ['foo=bar'],
      rest: 'title="Say \\"hi\\"" {1,3-4} showLineNumbers',
    });
  });
});

describe('console transcripts', () => {
  it('splits prompts, continuations and output', () => {
    expect(splitConsole('$ echo a \\\n  b\na b\n$ true\n')).toEqual({ command: 'echo a \\\n  b\ntrue', output: 'a b' });
    expect(splitConsole('kubectl get pods')).toEqual({ command: 'kubectl get pods', output: '' });
  });
});
