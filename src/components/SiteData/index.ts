import { startTransition, useEffect, useState } from 'react';
import type { ListedDoc } from '../../../core/site/views';

export type { SiteAlert, SiteSystem, SystemGraph } from '../../../core/site/index';
export type { AlertsView, DocAlert, DocLink, DocView, FreshnessView, HomeView, ListedDoc, ListingView, TableAlert } from '../../../core/site/views';

/**
 * Today as `YYYY-MM-DD`: the build's today during the build, the reader's
 * once the page runs in a browser (a page built weeks ago still shows
 * overdue reviews). The switch is a transition: it re-renders the page's
 * dates, which need not hold up the first input after hydration.
 */
export function useToday(buildToday: string): string {
  const [today, setToday] = useState(buildToday);
  useEffect(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    startTransition(() => setToday(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`));
  }, []);
  return today;
}

/** Whether a doc's review is past due on `today` (deprecated docs never are). */
export function isOverdue(doc: Pick<ListedDoc, 'reviewDue' | 'status'>, today: string): boolean {
  return doc.reviewDue !== null && doc.status !== 'deprecated' && doc.reviewDue < today;
}

/** URL of a system's or type's listing page (same slug as the plugin). */
export function listingPath(kind: 'system' | 'type', name: string): string {
  return `/${kind === 'system' ? 'systems' : 'types'}/${encodeURIComponent(name.toLowerCase().replace(/\s+/g, '-'))}`;
}
