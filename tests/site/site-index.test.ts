import { describe, expect, it } from 'vitest';
import { defaultCheckInput } from '../../core/index.js';
import { docWithHeader } from '../support/docs.js';
import { createSidebar, createSiteIndex, systemGraph } from '../../core/site/index.js';

const doc = docWithHeader;

const docs = [
  doc('docs/index.md', { title: 'About', slug: '/', owner: 'platform', version: '1.0.0', last_updated: '2026-11-01', status: 'active' }),
  doc('docs/pay/overview.md', { title: 'Payments overview', system: 'pay', type: 'guide', owner: 'pay-ops', version: '1.2.0', last_updated: '2026-11-20', status: 'active' }, 'See [the outage runbook](./runbooks/outage.md) and [restore](./restore.md).'),
  doc('docs/pay/runbooks/outage.md', { title: 'Outage "big"', system: 'pay', type: 'runbook', owner: 'pay-oncall', version: '2.0.0', last_updated: '2026-01-01', status: 'active', review_every: '90d' }, 'Then [restore](../restore.md#steps).'),
  doc('docs/pay/restore.md', { title: 'Restore', system: 'pay', type: 'procedure', owner: 'pay-oncall', version: '0.1.0', last_updated: '2026-11-10', status: 'draft' }, '## Steps'),
  doc('docs/pay/old.md', { title: 'Old', system: 'pay', type: 'procedure', owner: 'pay-oncall', version: '1.0.0', last_updated: '2025-01-01', status: 'deprecated', superseded_by: './restore.md' }),
  doc('docs/handbook/writing.md', { title: 'Writing', type: 'guide', owner: 'platform', version: '1.0.0', last_updated: '2026-11-22', status: 'active' }),
];
const index = createSiteIndex(defaultCheckInput({ docs, today: '2026-11-22' }));
const byPath = new Map(index.docs.map((d) => [d.path, d]));

describe('createSiteIndex', () => {
  it('lists every doc with its header, route and review date', () => {
    expect(index.docs).toHaveLength(docs.length);
    expect(byPath.get('docs/pay/runbooks/outage.md')).toMatchObject({
      id: 'pay/runbooks/outage',
      permalink: '/docs/pay/runbooks/outage',
      title: 'Outage "big"',
      system: 'pay',
      folder: 'pay',
      type: 'runbook',
      version: '2.0.0',
      lastUpdated: '2026-01-01',
      reviewDue: '2026-04-01',
      overdue: true,
    });
    expect(byPath.get('docs/pay/old.md')).toMatchObject({ status: 'deprecated', overdue: false });
    expect(byPath.get('docs/index.md')).toMatchObject({ system: null, folder: null, permalink: '/docs/' });
  });

  it('records who links to whom, superseded_by included, never a doc to itself', () => {
    expect(byPath.get('docs/pay/restore.md')!.referencedBy).toEqual(['docs/pay/old.md', 'docs/pay/overview.md', 'docs/pay/runbooks/outage.md']);
    expect(byPath.get('docs/pay/overview.md')!.linksTo).toEqual(['docs/pay/restore.md', 'docs/pay/runbooks/outage.md']);
    expect(byPath.get('docs/pay/overview.md')!.referencedBy).toEqual([]);
  });

  it('summarises each system: owners by frequency, page count, overview and link graph', () => {
    expect(index.systems).toHaveLength(1);
    const pay = index.systems[0]!;
    expect(pay).toMatchObject({ name: 'pay', owners: ['pay-oncall', 'pay-ops'], pages: 4, overview: '/docs/pay/overview' });
    // Runbooks and procedures only: the overview (a guide) is left out; the deprecated doc links to restore.
    expect(pay.graph.nodes).toEqual([
      { id: 'd0', path: 'docs/pay/old.md', permalink: '/docs/pay/old', title: 'Old', type: 'procedure' },
      { id: 'd1', path: 'docs/pay/runbooks/outage.md', permalink: '/docs/pay/runbooks/outage', title: 'Outage "big"', type: 'runbook' },
      { id: 'd2', path: 'docs/pay/restore.md', permalink: '/docs/pay/restore', title: 'Restore', type: 'procedure' },
    ]);
    expect(pay.graph.edges).toEqual([
      { from: 'd0', to: 'd2' },
      { from: 'd1', to: 'd2' },
    ]);
    // The same nodes and edges drawn by Mermaid at natural size, each node a link to its doc.
    expect(pay.graph.mermaid).toBe(
      [
        '---',
        'config:',
        '  flowchart:',
        '    useMaxWidth: false',
        '---',
        'flowchart TB',
        '  accTitle: How the pay documents link',
        '  accDescr: Each box is a document and a link to it; an arrow goes to a document it links to. The same links are listed as text under the graph.',
        '  d0["Old"]',
        '  click d0 href "/docs/pay/old"',
        '  d1("Outage #quot;big#quot;")',
        '  click d1 href "/docs/pay/runbooks/outage"',
        '  d2["Restore"]',
        '  click d2 href "/docs/pay/restore"',
        '  d0 --> d2',
        '  d1 --> d2',
        '',
      ].join('\n'),
    );
    expect(index.types).toEqual(['guide', 'procedure', 'runbook']);
  });
});

describe('systemGraph', () => {
  it('has no nodes and no Mermaid text when no doc of the system links to another', () => {
    const lone = index.docs.filter((d) => d.path === 'docs/pay/restore.md');
    expect(systemGraph(lone, 'pay')).toEqual({ nodes: [], edges: [], mermaid: '' });
  });
});

describe('createSidebar', () => {
  it('puts docs without a folder first, then each system by type, the handbook folder last', () => {
    const sidebar = createSidebar(index.docs);
    expect(sidebar[0]).toBe('index');
    expect(sidebar[1]).toEqual({
      type: 'category',
      label: 'pay',
      collapsed: true,
      link: { type: 'doc', id: 'pay/overview' },
      items: [
        { type: 'category', label: 'Runbooks', collapsed: true, items: ['pay/runbooks/outage'] },
        { type: 'category', label: 'Procedures', collapsed: true, items: ['pay/old', 'pay/restore'] },
      ],
    });
    expect(sidebar[2]).toEqual({ type: 'category', label: 'Writing the handbook', collapsed: true, items: ['handbook/writing'] });
  });
});
