import type { DocModel, DocSummary } from './types.js';
import { ROUTE_FRONT_MATTER } from './routes.js';

/** The part of a doc's model other docs need (a plain object: it goes into the cache). */
export function summaryOf(model: DocModel): DocSummary {
  return {
    path: model.path,
    // Only what routes are made of: the rest of the header is the doc's own business.
    frontMatter: { data: routeKeys(model.frontMatter.data) },
    headings: model.headings.map(({ depth, id, anchor }) => ({ depth, id, anchor })),
    htmlAnchors: model.htmlAnchors.map(({ id, attribute, collected }) => ({ id, attribute, collected })),
    links: model.links.map(({ kind, url }) => ({ kind, url })),
    embeds: model.embeds,
  };
}

/** Whether `doc` is a full model (with its text and positions) rather than a summary. */
export function isDocModel(doc: DocSummary): doc is DocModel {
  return typeof (doc as Partial<DocModel>).text === 'string';
}

/** The front matter a route reads: a route computed from a summary is the model's. */
function routeKeys(data: Record<string, unknown>): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const key of ROUTE_FRONT_MATTER) if (key in data) keys[key] = data[key];
  return keys;
}
