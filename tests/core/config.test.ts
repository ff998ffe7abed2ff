import { describe, expect, it } from 'vitest';
import { defaultCheckInput, knownRuleIds, parseDoc, parseJson, ruleSettingOf, runChecks, toJson, validateConfig, type Rule } from '../../core/index.js';

const ok = (text: string) => {
  const result = validateConfig(text, { file: 'handbook.config.json' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const problems = (text: string) => {
  const result = validateConfig(text, { file: 'handbook.config.json' });
  return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
};

describe('validateConfig', () => {
  it('fills the defaults of an empty file', () => {
    expect(ok('{}')).toEqual({ file: 'handbook.config.json', docs: 'docs', routeBasePath: '/docs', format: 'detect', siteUrl: null, rules: {}, alerts: [] });
  });

  it('resolves every key', () => {
    const text = '{"$schema": "./handbook.config.schema.json", "docs": "runbooks", "routeBasePath": "/", "format": "mdx", "siteUrl": "https://ops.example.com/handbook/", "rules": {"header-*": "off", "link-anchor": "warning"}, "alerts": ["alerts/**/*.yml"]}';
    expect(ok(text)).toEqual({
      file: 'handbook.config.json',
      docs: 'runbooks',
      routeBasePath: '/',
      format: 'mdx',
      siteUrl: 'https://ops.example.com/handbook/',
      rules: { 'header-*': 'off', 'link-anchor': 'warning' },
      alerts: ['alerts/**/*.yml'],
    });
  });

  it('names the line, column and what was expected for every problem', () => {
    const text = [
      '{',
      '  "docs": 3,',
      '  "rulez": {},',
      '  "rules": {"header-*": "warn", "link-targett": "off", "heder-*": "off", "Header": "off"},',
      '  "alerts": ["alerts/{a,b", "../x/*.yml", ""],',
      '  "siteUrl": "ftp://example.com"',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      '2:11: Unexpected `3`, expected a string',
      '3:3: Unexpected key `rulez`, expected one of `$schema`, `docs`, `routeBasePath`, `format`, `siteUrl`, `rules`, `alerts` (did you mean `rules`?)',
      '4:25: Unexpected `"warn"`, expected one of `"off"`, `"warning"`, `"error"`',
      '4:33: Unexpected rule id `link-targett`, expected a rule of `handbook check` (did you mean `link-target`?)',
      '4:56: Unexpected rule family `heder-*`, expected a prefix of rule ids of `handbook check` (did you mean `header-*`?)',
      '4:74: Unexpected rule id `Header`, expected a rule id in kebab case, optionally ending in `*` for a family',
      '5:14: Unexpected `"alerts/{a,b"`, expected a glob with balanced `{}` and `[]` (`}` missing)',
      '5:29: Unexpected `"../x/*.yml"`, expected a glob relative to the folder of the config file, inside it',
      '5:43: Unexpected `""`, expected a non-empty glob',
      '6:14: Unexpected `"ftp://example.com"`, expected an http(s) URL such as `https://handbook.example.com/`',
    ]);
  });

  it('reports malformed JSON where it breaks', () => {
    expect(problems('{\n  "docs": "docs",\n}\n')).toEqual(['3:1: Unexpected `}`, expected a key in double quotes']);
    expect(problems('{"docs": "docs"')).toEqual(['1:16: Unexpected end of file, expected `,` or `}`']);
    expect(problems('{"docs": docs}')).toEqual(['1:10: Unexpected `d`, expected a value (object, array, string, number, true, false or null)']);
    expect(problems('')).toEqual(['1:1: Unexpected end of file, expected a value (object, array, string, number, true, false or null)']);
    expect(problems('[]')).toEqual(['1:1: Unexpected an array, expected an object']);
  });

  it('knows the ids of every rule, of remark-lint\'s preset and of the parser', () => {
    const ids = knownRuleIds();
    for (const id of ['header-schema', 'link-anchor', 'remark-lint', 'final-newline', 'no-undefined-references', 'yaml-syntax', 'mdx-syntax']) expect(ids).toContain(id);
  });
});

describe('parseJson', () => {
  it('gives the start of a key and of a value', () => {
    const parsed = parseJson('{\n  "a": {"b": [1, "x"]}\n}');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value).toEqual({ a: { b: [1, 'x'] } });
    expect(parsed.pointOf(['a', 'b'])).toEqual({ line: 2, column: 9 });
    expect(parsed.pointOf(['a', 'b', 1], 'value')).toEqual({ line: 2, column: 18 });
    expect(parsed.pointOf(['a', 'missing'])).toEqual({ line: 2, column: 3 });
  });
});

describe('ruleSettingOf', () => {
  const settings = { 'header-*': 'off', 'header-schema': 'warning', 'header-version-*': 'error', 'remark-lint': 'off' } as const;
  it('prefers an exact id, then the longest family, then the reporting rule', () => {
    expect(ruleSettingOf(settings, 'header-schema')).toBe('warning');
    expect(ruleSettingOf(settings, 'header-version-bump')).toBe('error');
    expect(ruleSettingOf(settings, 'header-tags')).toBe('off');
    expect(ruleSettingOf(settings, 'final-newline', 'remark-lint')).toBe('off');
    expect(ruleSettingOf(settings, 'link-anchor')).toBeUndefined();
  });
});

describe('runChecks with rule settings', () => {
  const rule = (id: string, severity: 'error' | 'warning'): Rule => ({
    id,
    description: id,
    severity,
    check({ doc, report }) {
      report({ message: `Unexpected ${id}`, place: doc.headings[0]!.place });
    },
  });
  it('drops the findings of a rule that is off and reports the others with the configured severity', async () => {
    const docs = [parseDoc({ path: 'docs/a.md', text: '# A\n' })];
    const diagnostics = await runChecks(defaultCheckInput({ docs, today: '2026-11-22' }), [rule('header-a', 'error'), rule('link-b', 'warning'), rule('step-c', 'error')], {
      ruleSettings: { 'header-*': 'off', 'link-b': 'error', 'step-c': 'warning' },
    });
    expect(diagnostics.map(toJson).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['link-b error', 'step-c warning']);
  });
});
