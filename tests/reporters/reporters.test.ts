import { describe, expect, it } from 'vitest';
import { reporters } from '../../lib/reporters/index.js';
import type { DiagnosticJson } from '../../core/index.js';

const diagnostic: DiagnosticJson = { file: 'docs/a,b:c.md', line: 2, column: 3, endLine: 2, endColumn: 9, severity: 'error', ruleId: 'header-schema', message: '100% wrong\nsecond line' };

describe('reporters', () => {
  it('github: escapes data and properties as workflow commands require', () => {
    expect(reporters.github({ diagnostics: [diagnostic, { ...diagnostic, severity: 'warning' }], files: 1, rules: [] })).toBe(
      '::error file=docs/a%2Cb%3Ac.md,line=2,col=3,title=header-schema::100%25 wrong%0Asecond line\n' +
        '::warning file=docs/a%2Cb%3Ac.md,line=2,col=3,title=header-schema::100%25 wrong%0Asecond line\n',
    );
  });

  it('json: one line, exactly the contract keys', () => {
    const out = reporters.json({ diagnostics: [{ ...diagnostic, extra: 1 } as DiagnosticJson], files: 4, rules: [] });
    expect(out.endsWith('\n') && !out.trimEnd().includes('\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({ diagnostics: [diagnostic], summary: { files: 4, errors: 1, warnings: 0 } });
  });

  it('pretty: aligns places within a file and pluralises the summary', () => {
    const out = reporters.pretty({ diagnostics: [diagnostic, { ...diagnostic, line: 12, column: 10, severity: 'warning', message: 'm' }], files: 1, rules: [] });
    expect(out).toBe(
      ['docs/a,b:c.md', '  2:3    error    100% wrong\nsecond line  header-schema', '  12:10  warning  m  header-schema', '', '✖ 2 problems (1 error, 1 warning) in 1 file checked', ''].join('\n'),
    );
  });

  it('pretty and json: the links outside every checked route, nothing skipped silently', () => {
    const outside = { links: 12, routes: { '/blog': 9, '/api': 3 }, checked: ['/docs'] };
    expect(reporters.pretty({ diagnostics: [], files: 3, rules: [], outside })).toBe(
      ['✔ 3 files checked, no problems', 'ℹ 12 links point outside every checked route (/blog: 9, /api: 3; checked: /docs)', ''].join('\n'),
    );
    expect(reporters.pretty({ diagnostics: [], files: 3, rules: [], outside: { links: 1, routes: { '/about': 1 }, checked: ['/', '/community'] } })).toBe(
      ['✔ 3 files checked, no problems', 'ℹ 1 link points outside every checked route (/about: 1; checked: /, /community)', ''].join('\n'),
    );
    expect(reporters.pretty({ diagnostics: [], files: 3, rules: [], outside: { links: 0, routes: {}, checked: ['/docs'] } })).toBe('✔ 3 files checked, no problems\n');
    expect(JSON.parse(reporters.json({ diagnostics: [], files: 3, rules: [], outside })).summary).toEqual({ files: 3, errors: 0, warnings: 0, outside });
  });

  it('markdown: every finding as a table row, cells escaped, links to lines when given', () => {
    const out = reporters.markdown({ diagnostics: [diagnostic, { ...diagnostic, severity: 'warning', message: 'a | b <br>' }], files: 2, rules: [], lineUrl: (file, line) => `https://x.test/${file}#L${line}` });
    expect(out).toBe(
      [
        '### handbook check: 1 error, 1 warning in 2 files',
        '',
        '| Severity | Location | Rule | Message |',
        '|---|---|---|---|',
        '| error | [docs/a,b:c.md:2:3](https://x.test/docs/a,b:c.md#L2) | `header-schema` | 100% wrong<br>second line |',
        '| warning | [docs/a,b:c.md:2:3](https://x.test/docs/a,b:c.md#L2) | `header-schema` | a \\| b &lt;br> |',
        '',
        '',
      ].join('\n'),
    );
    expect(reporters.markdown({ diagnostics: [], files: 1, rules: [] })).toBe('### handbook check: no problems in 1 file\n\n');
  });

  it('sarif: 2.1.0 with the rule table and regions', () => {
    const log = JSON.parse(reporters.sarif({ diagnostics: [diagnostic], files: 1, rules: [{ id: 'header-schema', description: 'Header' }] }));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules).toEqual([{ id: 'header-schema', shortDescription: { text: 'Header' } }]);
    expect(log.runs[0].results[0]).toEqual({
      ruleId: 'header-schema',
      ruleIndex: 0,
      level: 'error',
      message: { text: diagnostic.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/a,b:c.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 9 } } }],
    });
  });
});
