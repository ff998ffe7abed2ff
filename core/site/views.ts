/**
 * What each page of the site needs from the site index, and nothing more:
 * the home page, `/freshness`, a system's or type's listing, and one doc's
 * "Referenced by". The Docusaurus plugins hand each view to its own route
 * (route props, doc metadata), so no page downloads the index of every doc.
 * Pure: computed at build time from `createSiteIndex`.
 */
import type { SiteAlert, SiteDoc, SiteIndex, SiteSystem, SystemGraph } from './index.js';

/** A link to a doc, as lists show it. */
export interface DocLink {
  path: string;
  permalink: string;
  title: string;
  type: string | null;
  system: string | null;
}

/** A doc as the freshness table lists it: its header, and how many docs link to it. */
export type ListedDoc = Omit<SiteDoc, 'referencedBy' | 'linksTo' | 'alertTables'> & {
  /** Number of docs that link here. */
  backlinks: number;
};

/** A system as the home page lists it. */
export type SystemSummary = Pick<SiteSystem, 'name' | 'owners' | 'pages'>;

/** The home page: on-call entry points, systems and recent docs. */
export interface HomeView {
  /** Incident response, escalation and emergency pages (at most 8). */
  onCall: DocLink[];
  /** Number of runbooks (the link to all of them). */
  runbooks: number;
  systems: SystemSummary[];
  /** The 8 most recently updated docs. */
  recent: (DocLink & { lastUpdated: string; version: string | null })[];
}

/** `/freshness`: every doc. */
export interface FreshnessView {
  /** The build's today, `YYYY-MM-DD` (the page switches to the reader's). */
  today: string;
  docs: ListedDoc[];
}

/** `/systems/<name>` or `/types/<type>`. */
export interface ListingView {
  kind: 'system' | 'type';
  name: string;
  today: string;
  docs: ListedDoc[];
  /** The system's summary and link graph (system pages only). */
  system: SiteSystem | null;
  /** Every system name, or every type, for the navigation between listings. */
  all: string[];
}

/** What one doc page shows under its content. */
export interface DocView {
  /** The docs that link to this one, by title. */
  referencedBy: DocLink[];
  /** On a system's overview page: the graph of its docs' links. */
  systemGraph: { system: string; graph: SystemGraph } | null;
  /** The alerts whose runbook URL opens this doc, each shown at the section it points to (`anchor`, null: the top). */
  alerts: DocAlert[];
  /** The alert tables the doc shows (`::alerts{system="..."}`), by system. */
  alertTables: Record<string, TableAlert[]>;
}

/** An alert that opens a doc, as the doc shows it under the heading the URL points at. */
export type DocAlert = Pick<SiteAlert, 'name' | 'severity' | 'summary' | 'expr' | 'for' | 'file' | 'line'> & { anchor: string | null };

/** A row of a doc's alert table: the alert and its runbook. */
export type TableAlert = Pick<SiteAlert, 'name' | 'severity' | 'summary' | 'expr' | 'for' | 'file' | 'runbook'>;

/** `/alerts`: every alert, with its runbook and what is wrong with the link. */
export interface AlertsView {
  alerts: SiteAlert[];
  /** Systems with alerts, sorted. */
  systems: string[];
}

const ON_CALL = /\b(incident|escalation|escalate|emergency|contacts)\b/i;

/** The link fields of a doc. */
export function docLink(doc: SiteDoc): DocLink {
  return { path: doc.path, permalink: doc.permalink, title: doc.title, type: doc.type, system: doc.system };
}

/** A doc without its link lists, with the count of its backlinks. */
export function listedDoc(doc: SiteDoc): ListedDoc {
  const { referencedBy, linksTo: _linksTo, alertTables: _alertTables, ...rest } = doc;
  return { ...rest, backlinks: referencedBy.length };
}

/** Docs an operator reaches for first: incident response, escalation and emergency pages. */
export function homeView(index: SiteIndex): HomeView {
  const onCall = index.docs.filter((d) => d.status !== 'deprecated' && (ON_CALL.test(d.title) || d.tags.some((t) => /^(incident|escalation)$/.test(t)))).slice(0, 8);
  const recent = index.docs
    .filter((d): d is SiteDoc & { lastUpdated: string } => d.lastUpdated !== null)
    .sort((a, b) => b.lastUpdated.localeCompare(a.lastUpdated) || a.title.localeCompare(b.title))
    .slice(0, 8);
  return {
    onCall: onCall.map(docLink),
    runbooks: index.docs.filter((d) => d.type === 'runbook').length,
    systems: index.systems.map(({ name, owners, pages }) => ({ name, owners, pages })),
    recent: recent.map((d) => ({ ...docLink(d), lastUpdated: d.lastUpdated, version: d.version })),
  };
}

/** Every doc for `/freshness`. */
export function freshnessView(index: SiteIndex): FreshnessView {
  return { today: index.today, docs: index.docs.map(listedDoc) };
}

/** The docs of one system or one type. */
export function listingView(index: SiteIndex, kind: 'system' | 'type', name: string): ListingView {
  const docs = index.docs.filter((d) => (kind === 'system' ? d.system === name : d.type === name));
  return {
    kind,
    name,
    today: index.today,
    docs: docs.map(listedDoc),
    system: kind === 'system' ? (index.systems.find((s) => s.name === name) ?? null) : null,
    all: kind === 'system' ? index.systems.map((s) => s.name) : index.types,
  };
}

/** Each doc's view, by doc path relative to the site (`docs/a/b.md`). */
export function docViews(index: SiteIndex): Map<string, DocView> {
  const byPath = new Map(index.docs.map((d) => [d.path, d]));
  const alertsByDoc = new Map<string, SiteAlert[]>();
  for (const alert of index.alerts) if (alert.runbook.path) alertsByDoc.set(alert.runbook.path, [...(alertsByDoc.get(alert.runbook.path) ?? []), alert]);
  const views = new Map<string, DocView>();
  for (const doc of index.docs) {
    const system = index.systems.find((s) => s.overview === doc.permalink && s.graph.edges.length > 0);
    views.set(doc.path, {
      referencedBy: doc.referencedBy.map((p) => byPath.get(p)).filter((d): d is SiteDoc => !!d).map(docLink),
      systemGraph: system ? { system: system.name, graph: system.graph } : null,
      alerts: (alertsByDoc.get(doc.path) ?? []).map(({ name, severity, summary, expr, for: duration, file, line, runbook }) => ({ name, severity, summary, expr, for: duration, file, line, anchor: runbook.anchor ?? null })),
      alertTables: Object.fromEntries(
        doc.alertTables.map((name) => [name, index.alerts.filter((a) => a.system === name).map(({ name: alert, severity, summary, expr, for: duration, file, runbook }) => ({ name: alert, severity, summary, expr, for: duration, file, runbook }))]),
      ),
    });
  }
  return views;
}

/** `/alerts`. */
export function alertsView(index: SiteIndex): AlertsView {
  return { alerts: index.alerts, systems: [...new Set(index.alerts.map((a) => a.system).filter((s): s is string => !!s))].sort() };
}
