import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import { useDocHeader, type DocHeaderData } from './useDocHeader';
import styles from './styles.module.css';

const STATUS_LABEL = { draft: 'Draft', active: 'Active', deprecated: 'Deprecated' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Banners({ header }: { header: DocHeaderData }) {
  const { status, successor, overdue, reviewDue, reviewEvery, lastUpdated } = header;
  return (
    <>
      {status === 'deprecated' && (
        <div className={clsx('alert alert--danger', styles.banner)} role="alert" data-banner="deprecated">
          <strong>Deprecated.</strong> This document is no longer in force.{' '}
          {successor && 'permalink' in successor ? (
            <>
              Use <Link to={successor.permalink}>{successor.title}</Link> instead.
            </>
          ) : successor ? (
            <>
              It is replaced by <code>{successor.text}</code>.
            </>
          ) : null}
        </div>
      )}
      {status === 'draft' && (
        <div className={clsx('alert alert--info', styles.banner)} role="note" data-banner="draft">
          <strong>Draft.</strong> This document is not yet in force: check with its owner before you rely on it.
        </div>
      )}
      {overdue && (
        <div className={clsx('alert alert--warning', styles.banner)} role="status" data-banner="review-overdue">
          <strong>Review overdue</strong> since <time dateTime={reviewDue!}>{reviewDue}</time>: last updated {lastUpdated}, reviewed every {reviewEvery}. Verify each
          step against the running system before you follow it.
        </div>
      )}
    </>
  );
}

/**
 * The doc's version header under its title: version, status, owner, last
 * updated, and banners for a draft, a deprecated doc (linking to its
 * successor) and an overdue review.
 */
export default function DocHeader(): ReactNode {
  const header = useDocHeader();
  if (!header) return null;
  return (
    <div className={styles.docHeader} data-doc-header="">
      <dl className={styles.facts}>
        <Fact label="Version">{header.version}</Fact>
        {header.status && (
          <Fact label="Status">
            <span className={clsx(styles.status, styles[header.status])}>{STATUS_LABEL[header.status]}</span>
          </Fact>
        )}
        {header.owner && <Fact label="Owner">{header.owner}</Fact>}
        {header.lastUpdated && (
          <Fact label="Last updated">
            <time dateTime={header.lastUpdated}>{header.lastUpdated}</time>
          </Fact>
        )}
      </dl>
      <Banners header={header} />
    </div>
  );
}
