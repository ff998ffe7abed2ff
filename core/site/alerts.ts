/**
 * The site's view of the alert files: every alert with where its runbook URL
 * leads (resolved by `resolveRunbookUrl`, the link rules' own resolution),
 * which alerts open each doc and at which section, and the alert tables a
 * doc asks for with `::alerts{system="..."}`. Pure: computed at build time
 * from the check input the loader gathered.
 */
import { resolveRunbookUrl } from '../alerts/runbook.js';
import { DEFAULT_RUNBOOK_SEVERITIES } from '../alerts/input.js';
import type { Alert } from '../alerts/types.js';
import { createCorpusIndex } from '../check.js';
import { linkIndexOf } from '../links/resolve.js';
import type { FullCheckInput } from '../rules/types.js';
import type { DocModel } from '../types.js';

/** Where an alert's runbook URL leads, as the site shows it. */
export type RunbookStatus =
  /** A doc of the site (and a heading of it). */
  | 'linked'
  /** Another site: not checked here. */
  | 'external'
  /** Under this site, but no doc or anchor there (`alert-runbook-link`). */
  | 'broken'
  /** A template the check cannot resolve. */
  | 'templated'
  /** No runbook URL; `required` says whether its severity needs one (`alert-runbook-missing`). */
  | 'missing';

/** One alert as the site lists it. */
export interface SiteAlert {
  name: string;
  severity: string | null;
  system: string | null;
  summary: string | null;
  expr: string | null;
  for: string | null;
  /** The alert file, relative to the site, and the line of the alert. */
  file: string;
  line: number;
  source: Alert['source'];
  runbook: {
    status: RunbookStatus;
    url: string | null;
    /** For `linked`: the doc's path, permalink and title, and the anchor (null: the doc's top). */
    path?: string;
    permalink?: string;
    title?: string;
    anchor?: string | null;
    /** For `missing`: whether the severity requires a runbook. */
    required?: boolean;
  };
}

/** The site's alerts, sorted by system, then severity (critical first), then name. */
export function siteAlertsOf(input: FullCheckInput, titleOf: (doc: DocModel) => string): SiteAlert[] {
  const alerts = input.alerts;
  if (!alerts) return [];
  const corpus = createCorpusIndex(input);
  const index = linkIndexOf(input, corpus);
  const required = alerts.runbookSeverities ?? DEFAULT_RUNBOOK_SEVERITIES;
  const out: SiteAlert[] = [];
  for (const file of alerts.files) {
    for (const alert of file.alerts) {
      const url = alert.runbookUrl?.trim() || null;
      let runbook: SiteAlert['runbook'];
      if (url === null) runbook = { status: 'missing', url: null, required: alert.severity !== null && required.includes(alert.severity) };
      else {
        const resolved = resolveRunbookUrl(index, url, alerts.siteUrl);
        if (resolved.status === 'doc') {
          const doc = resolved.doc as DocModel;
          runbook = { status: 'linked', url, path: doc.path, permalink: corpus.routes.get(doc.path)!.permalink, title: titleOf(doc), anchor: resolved.anchor };
        } else runbook = { status: resolved.status, url };
      }
      out.push({
        name: alert.name,
        severity: alert.severity,
        system: alert.system,
        summary: alert.summary,
        expr: alert.expr,
        for: alert.for,
        file: file.path,
        line: alert.place.start.line,
        source: alert.source,
        runbook,
      });
    }
  }
  return out.sort((a, b) => (a.system ?? '~').localeCompare(b.system ?? '~') || severityRank(a.severity) - severityRank(b.severity) || a.name.localeCompare(b.name));
}

/** Critical first, then warning, info, anything else, none. */
export function severityRank(severity: string | null): number {
  const order = ['critical', 'warning', 'info'];
  const i = severity === null ? -1 : order.indexOf(severity);
  return i === -1 ? (severity === null ? order.length + 1 : order.length) : i;
}

/**
 * The systems whose alert table a doc shows: each `::alerts{system="x"}`
 * leaf directive on a line of its own, outside code blocks (the remark
 * plugin `plugins/alerts/` turns the same directive into the table).
 */
export function alertTablesOf(doc: Pick<DocModel, 'text' | 'codeBlocks'>): string[] {
  const systems: string[] = [];
  const lines = doc.text.split('\n');
  lines.forEach((line, i) => {
    const match = /^::alerts\{system="([^"]+)"\}\s*$/.exec(line);
    if (!match) return;
    const inCode = doc.codeBlocks.some((block) => block.place.start.line <= i + 1 && i + 1 <= block.place.end.line);
    if (!inCode && !systems.includes(match[1]!)) systems.push(match[1]!);
  });
  return systems;
}
