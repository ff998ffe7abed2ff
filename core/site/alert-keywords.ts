/* Imported by the theme: no imports, so the page's bundle gets nothing else of the core. */
/**
 * The search keywords of a doc that alerts open: their names and summaries,
 * which the theme adds to the page's `<meta name="keywords">`. The search
 * index ranks keywords above body text, so an alert name pasted into the
 * search finds its runbook before the pages that merely list the alert.
 */
export function alertKeywordsOf(alerts: readonly { name: string; summary: string | null }[]): string[] {
  return [...new Set(alerts.flatMap((a) => [a.name, ...(a.summary ? [a.summary] : [])]))];
}
