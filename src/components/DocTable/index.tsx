import { useId, useMemo, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import { isOverdue, listingPath, type ListedDoc } from '../SiteData';
import styles from './styles.module.css';

type Column = 'system' | 'type' | 'title' | 'owner' | 'version' | 'status' | 'lastUpdated' | 'reviewDue';

const columns: { key: Column; label: string }[] = [
  { key: 'system', label: 'System' },
  { key: 'type', label: 'Type' },
  { key: 'title', label: 'Title' },
  { key: 'owner', label: 'Owner' },
  { key: 'version', label: 'Version' },
  { key: 'status', label: 'Status' },
  { key: 'lastUpdated', label: 'Last updated' },
  { key: 'reviewDue', label: 'Review due' },
];

/** Semver-aware comparison for the version column, text for the others; empty cells last. */
function compare(a: ListedDoc, b: ListedDoc, key: Column): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  if (key === 'version') {
    const [p, q] = [x.split('.').map(Number), y.split('.').map(Number)];
    for (let i = 0; i < 3; i++) if ((p[i] ?? 0) !== (q[i] ?? 0)) return (p[i] ?? 0) - (q[i] ?? 0);
  }
  return x.localeCompare(y);
}

/** What needs attention in a row, as words (colour is never the only signal). */
export function flagsOf(doc: ListedDoc, today: string): string[] {
  const flags: string[] = [];
  if (isOverdue(doc, today)) flags.push('review overdue');
  if (doc.status === 'draft') flags.push('draft');
  if (doc.status === 'deprecated') flags.push('deprecated');
  if (doc.backlinks === 0) flags.push('no backlinks');
  return flags;
}

export interface DocTableProps {
  docs: ListedDoc[];
  today: string;
  /** Show the system and type filters (off on a system's own page). */
  filters?: boolean;
  caption: string;
}

/**
 * Every doc in a table that sorts by any column and filters by text,
 * system, type and attention, all in the browser (the data comes from the
 * build). Overdue reviews, drafts and deprecated docs are highlighted.
 */
export default function DocTable({ docs, today, filters = true, caption }: DocTableProps): ReactNode {
  const [sort, setSort] = useState<{ key: Column; direction: 1 | -1 }>({ key: 'reviewDue', direction: 1 });
  const [query, setQuery] = useState('');
  const [system, setSystem] = useState('');
  const [type, setType] = useState('');
  const [attention, setAttention] = useState(false);
  const id = useId();
  const systems = useMemo(() => [...new Set(docs.map((d) => d.system).filter((s): s is string => !!s))].sort(), [docs]);
  const types = useMemo(() => [...new Set(docs.map((d) => d.type).filter((s): s is string => !!s))].sort(), [docs]);

  const needle = query.trim().toLowerCase();
  const rows = docs
    .filter((d) => (!system || d.system === system) && (!type || d.type === type))
    .filter((d) => !attention || flagsOf(d, today).some((f) => f !== 'no backlinks'))
    .filter((d) => !needle || [d.title, d.owner, d.system, d.type, d.path, ...d.tags].some((v) => v?.toLowerCase().includes(needle)))
    .sort((a, b) => compare(a, b, sort.key) * sort.direction || a.title.localeCompare(b.title));

  const counts = {
    overdue: docs.filter((d) => isOverdue(d, today)).length,
    draft: docs.filter((d) => d.status === 'draft').length,
    deprecated: docs.filter((d) => d.status === 'deprecated').length,
    orphans: docs.filter((d) => d.backlinks === 0).length,
  };

  return (
    <div>
      <ul className={styles.summary} aria-label="Summary">
        <li>
          <strong>{docs.length}</strong> documents
        </li>
        <li className={counts.overdue ? styles.overdue : undefined}>
          <strong>{counts.overdue}</strong> reviews overdue
        </li>
        <li className={counts.draft ? styles.draft : undefined}>
          <strong>{counts.draft}</strong> drafts
        </li>
        <li className={counts.deprecated ? styles.deprecated : undefined}>
          <strong>{counts.deprecated}</strong> deprecated
        </li>
        <li>
          <strong>{counts.orphans}</strong> without backlinks
        </li>
      </ul>
      <form className={styles.filters} role="search" aria-label="Filter documents" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`}>
          Filter
          <input id={`${id}-q`} type="search" value={query} placeholder="title, owner, tag…" onChange={(e) => setQuery(e.target.value)} />
        </label>
        {filters && (
          <>
            <label htmlFor={`${id}-system`}>
              System
              <select id={`${id}-system`} value={system} onChange={(e) => setSystem(e.target.value)}>
                <option value="">all</option>
                {systems.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label htmlFor={`${id}-type`}>
              Type
              <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">all</option>
                {types.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          </>
        )}
        <label htmlFor={`${id}-attention`} className={styles.check}>
          <input id={`${id}-attention`} type="checkbox" checked={attention} onChange={(e) => setAttention(e.target.checked)} />
          Only overdue, drafts and deprecated
        </label>
        <output aria-live="polite" className={styles.count}>
          {rows.length} of {docs.length} shown
        </output>
      </form>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="doc-table">
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    className={styles.sort}
                    onClick={() => setSort((s) => ({ key: c.key, direction: s.key === c.key ? ((-s.direction) as 1 | -1) : 1 }))}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const flags = flagsOf(d, today);
              return (
                <tr
                  key={d.path}
                  data-path={d.path}
                  className={clsx(isOverdue(d, today) && styles.overdue, d.status === 'draft' && styles.draft, d.status === 'deprecated' && styles.deprecated)}>
                  <td>{d.system ? <Link to={listingPath('system', d.system)}>{d.system}</Link> : '—'}</td>
                  <td>{d.type ? <Link to={listingPath('type', d.type)}>{d.type}</Link> : '—'}</td>
                  <td>
                    <Link to={d.permalink}>{d.title}</Link>
                    {flags.length > 0 && (
                      <span className={styles.flags}>
                        {flags.map((f) => (
                          <span key={f} className={clsx(styles.flag, f === 'no backlinks' && styles.flagQuiet)}>
                            {f}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>{d.owner ?? '—'}</td>
                  <td>{d.version ?? '—'}</td>
                  <td>{d.status ?? '—'}</td>
                  <td>{d.lastUpdated ?? '—'}</td>
                  <td>{d.reviewDue ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
