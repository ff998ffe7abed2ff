import { resolve } from 'node:path';
import { repoRoot } from './fixture-site.js';

/** The shared real corpora beside the repository (../shared/corpora), which only this project's CI has. */
export const corpora = resolve(repoRoot, '../shared/corpora');

/** Each corpus folder and its docs folder (see ../shared/corpora/README.md). */
export const CORPORA = [
  ['openshift-runbooks', '.'],
  ['prometheus-operator-runbooks', 'content'],
  ['rke2-docs', 'docs'],
] as const;
