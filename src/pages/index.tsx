import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

export default function Home(): ReactNode {
  return (
    <Layout title="Operations Handbook" description="Runbooks, procedures and checklists for on-call and platform teams">
      <main className="container margin-vert--lg">
        <Heading as="h1">Operations Handbook</Heading>
        <p>Runbooks, deployment, backfill and schema-change procedures, handover checklists and incident guides.</p>
        <p>
          <Link className="button button--primary" to="/docs/">
            Open the handbook
          </Link>
        </p>
      </main>
    </Layout>
  );
}
