/* Imported by the theme: no imports, so the page's bundle gets nothing else of the core. */
/**
 * An alert name as words: `AbathurIntegrityCheckFailed` -> `Abathur Integrity
 * Check Failed`, `WeatherInsightAPIDown` -> `Weather Insight API Down`,
 * `MS5ConnectionsSaturated` -> `MS5 Connections Saturated`. Null when the
 * name has no camel case (`data-pipeline-${Env}-pipeline-failure`: the
 * search splits it at the hyphens already).
 */
export function spokenAlertName(name: string): string | null {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words === name ? null : words;
}

/**
 * The search keywords of a doc that alerts open: their names, as written and
 * as words (how a page, a chat message or a person says them: "Integrity
 * Check Failed"), and their summaries, which the theme adds to the page's
 * `<meta name="keywords">`. The search index ranks keywords above body text,
 * so an alert name pasted into the search finds its runbook before the pages
 * that merely mention the alert.
 */
export function alertKeywordsOf(alerts: readonly { name: string; summary: string | null }[]): string[] {
  return [...new Set(alerts.flatMap((a) => [a.name, ...(spokenAlertName(a.name) ? [spokenAlertName(a.name)!] : []), ...(a.summary ? [a.summary] : [])]))];
}
