import { useEffect, useState } from 'react';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { usePluginData } from '@docusaurus/useGlobalData';
import { dateText, DEFAULT_REVIEW_EVERY, reviewDueOf } from '../../../core/review';

export type DocStatus = 'draft' | 'active' | 'deprecated';

/** The version header of the current doc, as the page shows it. */
export interface DocHeaderData {
  version: string;
  status: DocStatus | null;
  owner: string | null;
  /** `YYYY-MM-DD`. */
  lastUpdated: string | null;
  reviewEvery: string;
  /** `last_updated + review_every`, `YYYY-MM-DD`. */
  reviewDue: string | null;
  /** Only once the page runs in a browser (today is the reader's today, not the build's). */
  overdue: boolean;
  /** The successor page of a deprecated doc, when it resolves; else the raw link text. */
  successor: { permalink: string; title: string } | { text: string } | null;
}

interface PluginData {
  successors?: Record<string, { permalink: string; title: string }>;
}

/** The reader's local date as `YYYY-MM-DD`, after hydration; null during the build. */
function useToday(): string | null {
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    setToday(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`);
  }, []);
  return today;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);

/**
 * Reads the header from the doc's front matter (as Docusaurus serialised it:
 * a YAML date arrives as an ISO string) and the successor page from the
 * `handbook-check` plugin's data. Null for a doc without a version header.
 */
export function useDocHeader(): DocHeaderData | null {
  const { frontMatter, metadata } = useDoc();
  const data = (usePluginData('handbook-check') ?? {}) as PluginData;
  const today = useToday();
  const fm = frontMatter as Record<string, unknown>;
  const version = text(fm.version);
  if (!version) return null;
  const status = fm.status === 'draft' || fm.status === 'active' || fm.status === 'deprecated' ? fm.status : null;
  const lastUpdated = dateText(fm.last_updated);
  const reviewEvery = text(fm.review_every) ?? DEFAULT_REVIEW_EVERY;
  const reviewDue = lastUpdated ? reviewDueOf(lastUpdated, reviewEvery) : null;
  const source = metadata.source.replace(/^@site\//, '');
  const resolved = data.successors?.[source];
  const raw = text(fm.superseded_by);
  return {
    version,
    status,
    owner: text(fm.owner),
    lastUpdated,
    reviewEvery,
    reviewDue,
    overdue: status !== 'deprecated' && today !== null && reviewDue !== null && today > reviewDue,
    successor: resolved ?? (raw ? { text: raw } : null),
  };
}
