import { describe, expect, it } from 'vitest';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { defaultCheckInput } from '../../core/index.js';
import { docWithHeader } from '../support/docs.js';
import { createSiteIndex } from '../../core/site/index.js';
import { docViews, freshnessView, homeView, listingView } from '../../core/site/views.js';
import { siteRoutes } from '../../plugins/site-data/index.js';
import { withDocViews, type HandbookDocMetadata } from '../../plugins/docs/index.js';

const doc = docWithHeader;

const index = createSiteIndex(
  defaultCheckInput({
    today: '2026-11-22',
    docs: [
      doc('docs/index.md', { title: 'About', slug: '/', owner: 'platform', version: '1.0.0', last_updated: '2026-11-01', status: 'active' }),
      doc('docs/pay/overview.md', { title: 'Payments overview', system: 'pay', type: 'guide', owner: 'pay-ops', version: '1.2.0', last_updated: '2026-11-20', status: 'active' }, 'See [incident response](./incident-response.md) and [restore](./restore.md).'),
      doc('docs/pay/incident-response.md', { title: 'Incident response', system: 'pay', type: 'runbook', owner: 'pay-oncall', version: '2.0.0', last_updated: '2026-01-01', status: 'active' }, 'Then [restore](./restore.md).'),
      doc('docs/pay/restore.md', { title: 'Restore', system: 'pay', type: 'procedure', owner: 'pay-oncall', version: '0.1.0', last_updated: '2026-11-10', status: 'draft' }),
      doc('docs/pay/old-escalation.md', { title: 'Old escalation', system: 'pay', type: 'procedure', owner: 'pay-oncall', version: '1.0.0', last_updated: '2025-01-01', status: 'deprecated', superseded_by: './restore.md' }),
      doc('docs/db/failover.md', { title: 'Failover', system: 'db', type: 'runbook', owner: 'dba', version: '1.0.0', last_updated: '2026-11-21', status: 'active', tags: '[escalation]' }),
    ],
  }),
);

describe('homeView', () => {
  const home = homeView(index);
  it('lists the on-call pages (title or tag, never deprecated), the runbook count, systems and recent docs', () => {
    expect(home.onCall.map((d) => d.title)).toEqual(['Failover', 'Incident response']);
    expect(home.runbooks).toBe(2);
    expect(home.systems).toEqual([
      { name: 'db', owners: ['dba'], pages: 1 },
      { name: 'pay', owners: ['pay-oncall', 'pay-ops'], pages: 4 },
    ]);
    expect(home.recent.map((d) => [d.title, d.lastUpdated, d.version])).toEqual([
      ['Failover', '2026-11-21', '1.0.0'],
      ['Payments overview', '2026-11-20', '1.2.0'],
      ['Restore', '2026-11-10', '0.1.0'],
      ['About', '2026-11-01', '1.0.0'],
      ['Incident response', '2026-01-01', '2.0.0'],
      ['Old escalation', '2025-01-01', '1.0.0'],
    ]);
  });
});

describe('freshnessView and listingView', () => {
  it('lists every doc with a backlink count instead of the link lists', () => {
    const view = freshnessView(index);
    expect(view.today).toBe('2026-11-22');
    expect(view.docs.map((d) => d.path).sort()).toEqual(index.docs.map((d) => d.path).sort());
    const restore = view.docs.find((d) => d.path === 'docs/pay/restore.md')!;
    expect(restore).toMatchObject({ title: 'Restore', status: 'draft', backlinks: 3 });
    expect(restore).not.toHaveProperty('referencedBy');
    expect(restore).not.toHaveProperty('linksTo');
  });

  it("gives a system's page its docs, summary and graph, and a type's page its docs", () => {
    const pay = listingView(index, 'system', 'pay');
    expect(pay.docs.map((d) => d.title).sort()).toEqual(['Incident response', 'Old escalation', 'Payments overview', 'Restore']);
    expect(pay.system).toMatchObject({ name: 'pay', overview: '/docs/pay/overview' });
    expect(pay.all).toEqual(['db', 'pay']);
    const runbooks = listingView(index, 'type', 'runbook');
    expect(runbooks.docs.map((d) => d.title)).toEqual(['Failover', 'Incident response']);
    expect(runbooks.system).toBeNull();
    expect(runbooks.all).toEqual(['guide', 'procedure', 'runbook']);
  });
});

describe('docViews', () => {
  const views = docViews(index);
  it("gives each doc the title, link and type of the docs that link to it, and a system's graph on its overview", () => {
    expect(views.get('docs/pay/restore.md')).toEqual({
      referencedBy: [
        { path: 'docs/pay/incident-response.md', permalink: '/docs/pay/incident-response', title: 'Incident response', type: 'runbook', system: 'pay' },
        { path: 'docs/pay/old-escalation.md', permalink: '/docs/pay/old-escalation', title: 'Old escalation', type: 'procedure', system: 'pay' },
        { path: 'docs/pay/overview.md', permalink: '/docs/pay/overview', title: 'Payments overview', type: 'guide', system: 'pay' },
      ],
      systemGraph: null,
      alerts: [],
      alertTables: {},
    });
    expect(views.get('docs/pay/overview.md')!.systemGraph).toEqual({ system: 'pay', graph: index.systems.find((s) => s.name === 'pay')!.graph });
    // db has no links between its docs: no graph.
    expect(views.get('docs/db/failover.md')).toEqual({ referencedBy: [], systemGraph: null, alerts: [], alertTables: {} });
  });
});

describe('site-data routes', () => {
  it('adds the home page, /freshness, /alerts and one page per system and type, each with its own view and no global data', () => {
    const routes = siteRoutes(index, '/');
    expect(routes.map((r) => r.path)).toEqual(['/', '/freshness', '/alerts', '/systems/db', '/systems/pay', '/types/guide', '/types/procedure', '/types/runbook']);
    expect(routes[0]!.props).toEqual({ view: homeView(index) });
    expect(routes[1]!.props).toEqual({ view: freshnessView(index) });
    expect(routes[4]!.props).toEqual({ view: listingView(index, 'system', 'pay') });
    expect(siteRoutes(index, '/handbook/').map((r) => r.path).slice(0, 3)).toEqual(['/handbook/', '/handbook/freshness', '/handbook/alerts']);
  });
});

describe('withDocViews (plugins/docs)', () => {
  it("puts each doc's view in its metadata by source path, leaving unknown docs alone", () => {
    const meta = (source: string) => ({ source, id: source }) as unknown as HandbookDocMetadata;
    const content = { loadedVersions: [{ docs: [meta('@site/docs/pay/restore.md'), meta('@site/docs/unknown.md')], drafts: [] }] } as unknown as LoadedContent;
    const [restore, unknown] = withDocViews(content, index).loadedVersions[0]!.docs as HandbookDocMetadata[];
    expect(restore!.handbook!.referencedBy.map((d) => d.title)).toEqual(['Incident response', 'Old escalation', 'Payments overview']);
    expect(unknown).not.toHaveProperty('handbook');
    // The docs plugin's own content is not changed.
    expect(content.loadedVersions[0]!.docs[0]).not.toHaveProperty('handbook');
  });
});
