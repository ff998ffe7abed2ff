/**
 * The site's view of the handbook, computed at build time from the core
 * model: one entry per document (what the freshness dashboard, the home page
 * and the system and type pages list), who links to each document
 * ("Referenced by"), and a Mermaid graph of the links inside each system.
 * Pure: the caller loads the docs (lib/corpus.ts) and the Docusaurus
 * plugin (plugins/site-data/) hands the result to the theme.
 */
import { createCorpusIndex, docPathOf } from '../check.js';
import { inboundLinksOf } from '../links/graph.js';
import { dateText, DEFAULT_REVIEW_EVERY, reviewDueOf } from '../review.js';
import type { FullCheckInput } from '../rules/types.js';
import type { DocModel } from '../types.js';
import { alertTablesOf, siteAlertsOf, type SiteAlert } from './alerts.js';

export type { SiteAlert, RunbookStatus } from './alerts.js';

/** One document as the site lists it. */
export interface SiteDoc {
  /** Path relative to the site (`docs/abathur/runbooks/wal-growth.md`). */
  path: string;
  id: string;
  permalink: string;
  title: string;
  /** `system` of the header, else null. */
  system: string | null;
  /** First folder under the docs folder (`abathur`), null at its top. */
  folder: string | null;
  type: string | null;
  owner: string | null;
  version: string | null;
  status: string | null;
  /** `YYYY-MM-DD` or null. */
  lastUpdated: string | null;
  reviewDue: string | null;
  /** The review date is before today (never for deprecated docs). */
  overdue: boolean;
  tags: string[];
  /** Paths of the docs that link here, sorted. */
  referencedBy: string[];
  /** Paths this doc links to, sorted. */
  linksTo: string[];
  /** Systems whose alert table the doc shows (`::alerts{system="..."}`). */
  alertTables: string[];
}

export interface SiteSystem {
  name: string;
  /** Owners of its docs, most frequent first. */
  owners: string[];
  pages: number;
  /** Permalink of its overview page (`<system>/overview.md` or the first guide), if any. */
  overview: string | null;
  /** The links between its runbooks, procedures, checklists and handovers. */
  graph: SystemGraph;
}

/** A document drawn in a system's link graph. */
export interface GraphNode {
  /** Mermaid node id (`d0`, `d1`, ...). */
  id: string;
  path: string;
  permalink: string;
  title: string;
  type: string | null;
}

/**
 * The links between the docs an operator follows in one system, once as
 * data (the page lists them as text, the graph's text alternative) and once
 * as the Mermaid flowchart drawn from the same nodes and edges.
 */
export interface SystemGraph {
  /** Docs with at least one link to or from another node, in the system's order (title). */
  nodes: GraphNode[];
  /** `from` links to `to` (node ids), in the order of `nodes` then of the target's path. */
  edges: { from: string; to: string }[];
  /** Mermaid `flowchart`: nodes labelled with titles, each a link to its doc; empty when there are no edges. */
  mermaid: string;
}

export interface SiteIndex {
  today: string;
  docs: SiteDoc[];
  systems: SiteSystem[];
  types: string[];
  /** Every alert of the alert files (`alerts/`), with where its runbook URL leads. */
  alerts: SiteAlert[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);

/** The title the page shows: front matter `title`, else the h1, else the doc id. */
export function titleOf(doc: DocModel, id: string): string {
  return text(doc.frontMatter.data.title) ?? doc.headings.find((h) => h.depth === 1)?.text ?? id;
}

/** `system` from the header; null for docs about the handbook itself. */
export function systemOf(doc: DocModel): string | null {
  return text(doc.frontMatter.data.system);
}

/** Docs of the site, backlinks and per-system graphs, sorted by system then title. */
export function createSiteIndex(input: FullCheckInput): SiteIndex {
  const corpus = createCorpusIndex(input);
  const inbound = inboundLinksOf(input, corpus);
  const outbound = new Map<string, Set<string>>();
  for (const [to, froms] of inbound) for (const from of froms) outbound.set(from, (outbound.get(from) ?? new Set()).add(to));

  const docs: SiteDoc[] = input.docs.map((doc) => {
    const route = corpus.routes.get(doc.path)!;
    const data = doc.frontMatter.data;
    const lastUpdated = dateText(data.last_updated);
    const status = text(data.status);
    const reviewDue = lastUpdated ? reviewDueOf(lastUpdated, text(data.review_every) ?? DEFAULT_REVIEW_EVERY) : null;
    const tags = Array.isArray(data.tags) ? data.tags.map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t && 'label' in t ? String((t as { label: unknown }).label) : null)).filter((t): t is string => !!t) : [];
    return {
      path: doc.path,
      id: route.id,
      permalink: route.permalink,
      title: titleOf(doc, route.id),
      system: systemOf(doc),
      folder: docPathOf(doc.path, input.docsDir).split('/').slice(0, -1)[0] ?? null,
      type: text(data.type),
      owner: text(data.owner),
      version: text(data.version),
      status,
      lastUpdated,
      reviewDue,
      overdue: reviewDue !== null && status !== 'deprecated' && reviewDue < input.today,
      tags,
      referencedBy: [...(inbound.get(doc.path) ?? [])].sort(),
      linksTo: [...(outbound.get(doc.path) ?? [])].sort(),
      alertTables: alertTablesOf(doc),
    };
  });
  docs.sort((a, b) => (a.system ?? '~').localeCompare(b.system ?? '~') || a.title.localeCompare(b.title));

  const bySystem = new Map<string, SiteDoc[]>();
  for (const doc of docs) if (doc.system) bySystem.set(doc.system, [...(bySystem.get(doc.system) ?? []), doc]);
  const systems = [...bySystem].map(([name, members]): SiteSystem => {
    const counts = new Map<string, number>();
    for (const d of members) if (d.owner) counts.set(d.owner, (counts.get(d.owner) ?? 0) + 1);
    const overview = members.find((d) => /\/overview\.mdx?$/.test(d.path)) ?? members.find((d) => d.type === 'guide');
    return {
      name,
      owners: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([owner]) => owner),
      pages: members.length,
      overview: overview?.permalink ?? null,
      graph: systemGraph(members, name),
    };
  });
  const types = [...new Set(docs.map((d) => d.type).filter((t): t is string => !!t))].sort();
  const alerts = siteAlertsOf(input, (doc) => titleOf(doc, corpus.routes.get(doc.path)!.id));
  return { today: input.today, docs, systems, types, alerts };
}

/** Types drawn in a system's link graph (and docs without a type). */
const GRAPH_TYPES = new Set(['runbook', 'procedure', 'checklist', 'handover']);

/**
 * Which runbooks, procedures, checklists and handovers of one system link
 * to which (guides, references and links to other systems left out), and
 * the Mermaid flowchart of it: nodes labelled with the title, each a link to
 * its doc (`click ... href`, which Mermaid's default `strict` security level
 * keeps), runbooks as rounded boxes, procedures and checklists as boxes.
 * Drawn top to bottom at its natural size (`useMaxWidth: false`, 16 px
 * labels): the page scrolls the graph rather than shrinking it.
 */
export function systemGraph(members: readonly SiteDoc[], system = members[0]?.system ?? ''): SystemGraph {
  // Guides and references link to everything; the graph is about the docs an operator follows.
  const inSystem = new Map(members.filter((d) => d.type === null || GRAPH_TYPES.has(d.type)).map((d, i) => [d.path, `d${i}`]));
  const edges: SystemGraph['edges'] = [];
  const used = new Set<string>();
  for (const doc of members) {
    if (!inSystem.has(doc.path)) continue;
    for (const to of doc.linksTo) {
      const target = inSystem.get(to);
      if (!target) continue;
      edges.push({ from: inSystem.get(doc.path)!, to: target });
      used.add(doc.path).add(to);
    }
  }
  const nodes: GraphNode[] = members
    .filter((d) => used.has(d.path) && inSystem.has(d.path))
    .map((d) => ({ id: inSystem.get(d.path)!, path: d.path, permalink: d.permalink, title: d.title, type: d.type }));
  if (edges.length === 0) return { nodes: [], edges: [], mermaid: '' };
  const text = (value: string) => value.replace(/"/g, '#quot;').replace(/[<>]/g, '');
  const lines = [
    '---',
    'config:',
    '  flowchart:',
    '    useMaxWidth: false',
    '---',
    'flowchart TB',
    `  accTitle: How the ${text(system).replace(/[\n:]/g, ' ')} documents link`,
    '  accDescr: Each box is a document and a link to it; an arrow goes to a document it links to. The same links are listed as text under the graph.',
  ];
  for (const node of nodes) {
    lines.push(node.type === 'runbook' ? `  ${node.id}("${text(node.title)}")` : `  ${node.id}["${text(node.title)}"]`);
    lines.push(`  click ${node.id} href "${node.permalink.replace(/"/g, '%22')}"`);
  }
  for (const { from, to } of edges) lines.push(`  ${from} --> ${to}`);
  return { nodes, edges, mermaid: lines.join('\n') + '\n' };
}

/** A sidebar item as Docusaurus's `sidebars.ts` takes it. */
export type SidebarItem = string | { type: 'category'; label: string; collapsed?: boolean; link?: { type: 'doc'; id: string }; items: SidebarItem[] };

/** Order of the type groups in a system's sidebar; any other type follows, then untyped docs. */
export const TYPE_ORDER = ['runbook', 'procedure', 'checklist', 'handover', 'guide', 'reference'];

const plural = (type: string) => (type.endsWith('s') ? type : `${type}s`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The handbook's sidebar: docs without a system at the top, then one
 * category per system (linking to its overview) holding one category per
 * type (Runbooks, Procedures, ...), titles in alphabetical order.
 * `position` (front matter `sidebar_position`) orders the top-level docs.
 */
export function createSidebar(docs: readonly (SiteDoc & { position?: number | null })[]): SidebarItem[] {
  const byTitle = (a: SiteDoc, b: SiteDoc) => a.title.localeCompare(b.title);
  const groupOf = (d: SiteDoc) => d.system ?? d.folder;
  const top = docs.filter((d) => !groupOf(d)).sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || byTitle(a, b));
  const systems = [...new Set(docs.map(groupOf).filter((s): s is string => !!s))].sort((a, b) => (a === 'handbook' ? 1 : b === 'handbook' ? -1 : a.localeCompare(b)));
  const items: SidebarItem[] = top.map((d) => d.id);
  for (const system of systems) {
    const members = docs.filter((d) => groupOf(d) === system);
    const overview = members.find((d) => /\/overview\.mdx?$/.test(d.path));
    const rest = members.filter((d) => d !== overview);
    const types = [...new Set(rest.map((d) => d.type ?? 'other'))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const groups: SidebarItem[] = types.map((type) => ({
      type: 'category',
      label: capitalise(plural(type)),
      collapsed: true,
      items: rest.filter((d) => (d.type ?? 'other') === type).sort(byTitle).map((d) => d.id),
    }));
    items.push({
      type: 'category',
      label: system === 'handbook' ? 'Writing the handbook' : system,
      collapsed: true,
      ...(overview ? { link: { type: 'doc' as const, id: overview.id } } : {}),
      items: groups.length === 1 && system === 'handbook' ? (groups[0] as { items: SidebarItem[] }).items : groups,
    });
  }
  return items;
}

function rank(type: string): number {
  const i = TYPE_ORDER.indexOf(type);
  return i === -1 ? (type === 'other' ? TYPE_ORDER.length + 1 : TYPE_ORDER.length) : i;
}
