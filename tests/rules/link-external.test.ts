import { describe, expect, it } from 'vitest';
import { linkExternal } from '../../core/rules/link-external.js';
import { fixtureExternalLink } from '../../scripts/rules-doc.js';
import { brief, fixturesOf, runRule } from './harness.js';

describe('link-external', () => {
  const services = { externalLink: fixtureExternalLink };

  it('accepts external links that answer (the #fragment is not fetched)', async () => {
    const asked: string[] = [];
    const [ok] = fixturesOf('link-external').filter((f) => f.name.startsWith('ok'));
    const found = await runRule(linkExternal, ok!.name, ok!.text, { services: { externalLink: (url) => (asked.push(url), fixtureExternalLink(url)) } });
    expect(found).toEqual([]);
    expect(asked).toEqual(['https://docs.example.com/restart']);
  });

  it('reports each link that does not answer, at the link', async () => {
    const [notOk] = fixturesOf('link-external').filter((f) => f.name.startsWith('not-ok'));
    expect(brief(await runRule(linkExternal, notOk!.name, notOk!.text, { services }))).toEqual([
      [3, 5, 'error', "Unexpected HTTP 404 for external link `https://docs.example.com/status/404`, expected a page that answers"],
      [4, 1, 'error', "Unexpected failure (ENOTFOUND) for external link `https://status.example.invalid/`, expected a page that answers"],
      [6, 1, 'error', "Unexpected HTTP 410 for external link `https://grafana.example.com/status/410/render.png`, expected a page that answers"],
    ]);
  });

  it('does nothing without --external (no fetching service)', async () => {
    const [notOk] = fixturesOf('link-external').filter((f) => f.name.startsWith('not-ok'));
    expect(await runRule(linkExternal, notOk!.name, notOk!.text)).toEqual([]);
  });
});
