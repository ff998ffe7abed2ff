import { parseDoc } from '../core/parse.js';
import type { DocModel } from '../core/types.js';
import { markdownOptions, type MarkdownOptions } from '../core/markdown.js';

/**
 * The model of each document, parsed once per process: the build's plugins
 * (the check, the site data, the export) load the corpus, and the
 * checklist's remark plugin asks for the model of the very file the MDX
 * loader compiles. All of them get the same model of the same text, so the
 * page and the export cannot disagree, and no text is parsed twice. Keyed
 * by the file's absolute path; a changed text (the dev server after an
 * edit) is parsed again and replaces the old model.
 */
const models = new Map<string, { path: string; text: string; key: string; model: DocModel }>();
/**
 * Models being parsed (lib/parse-pool.ts): the build's plugins load the
 * corpus at the same time (Docusaurus runs their `loadContent` together),
 * and the second must wait for the first one's parse, not start its own.
 */
const pending = new Map<string, { path: string; text: string; key: string; trees: boolean; model: Promise<DocModel> }>();

/**
 * The model of `text`, read with the site's Markdown options (`markdown`;
 * default: `.md` CommonMark, `.mdx` MDX). With `trees: false` the model
 * does not keep its mdast tree: no rule of the run reads it, and thousands
 * of trees kept alive to the end of a run make every garbage collection
 * slower.
 */
export function parseDocOnce({ file, path, text, markdown }: ModelKey, { trees = true }: { trees?: boolean } = {}): DocModel {
  const known = knownModel({ file, path, text, markdown }, { trees });
  if (known) return known;
  const model = parseDoc({ path, text, ...(markdown ? { markdown } : {}) });
  if (!trees) dropTree(model);
  rememberModel({ file, path, text, markdown }, model);
  return model;
}

/** Lets a model's mdast tree (`parseDoc` keeps it, not enumerable) be collected. */
function dropTree(model: DocModel): void {
  Reflect.deleteProperty(model, 'tree');
}

const hasTree = (model: DocModel): boolean => (model as { tree?: unknown }).tree !== undefined;

/** What a model is the model of: a file's text read with the site's Markdown options. */
export interface ModelKey {
  file: string;
  path: string;
  text: string;
  markdown?: MarkdownOptions;
}

// The defaults spelt out are the same options: the build's corpus passes them, the checklist's remark plugin does not.
const optionsKey = (markdown: MarkdownOptions | undefined) => JSON.stringify(markdownOptions(markdown));

/** A model parsed elsewhere (a parse worker, lib/parse-pool.ts) of this file's text. */
export function rememberModel({ file, path, text, markdown }: ModelKey, model: DocModel): void {
  models.set(file, { path, text, key: optionsKey(markdown), model });
}

/** Whether a remembered entry is of this doc path read with these Markdown options (its text is compared by the caller). */
const sameReading = (entry: { path: string; key: string }, path: string, markdown: MarkdownOptions | undefined): boolean => entry.path === path && entry.key === optionsKey(markdown);

/** The model this process already has of this file's text, if any; with `trees`, only one that kept its tree. */
export function knownModel({ file, path, text, markdown }: ModelKey, { trees = false }: { trees?: boolean } = {}): DocModel | undefined {
  const known = models.get(file);
  return known && known.text === text && sameReading(known, path, markdown) && (!trees || hasTree(known.model)) ? known.model : undefined;
}

/**
 * The model this process has of this file, read with these options, whose
 * text hashes to `hash` (the cache's key of the text), if any. A load that
 * finds the doc unchanged in the cache takes this one, parse tree included,
 * rather than the cached copy without a tree: the build's plugins load the
 * corpus one after another, and the check's rules read the trees.
 */
export function knownModelOfHash({ file, path, markdown }: Omit<ModelKey, 'text'>, hash: string, hashOf: (text: string) => string): DocModel | undefined {
  const known = models.get(file);
  return known && sameReading(known, path, markdown) && hashOf(known.text) === hash ? known.model : undefined;
}

/** The model of this file's text that is being parsed now, if any (see {@link rememberPending}); with `trees`, only a parse that keeps its tree. */
export function pendingModel({ file, path, text, markdown }: ModelKey, { trees = false }: { trees?: boolean } = {}): Promise<DocModel> | undefined {
  const known = pending.get(file);
  return known && known.text === text && sameReading(known, path, markdown) && (!trees || known.trees) ? known.model : undefined;
}

/** Marks this file's text as being parsed until `model` settles, so other loads in this process wait for it. */
export function rememberPending({ file, path, text, markdown }: ModelKey, model: Promise<DocModel>, { trees = true }: { trees?: boolean } = {}): void {
  const entry = { path, text, key: optionsKey(markdown), trees, model };
  pending.set(file, entry);
  const done = () => {
    if (pending.get(file) === entry) pending.delete(file);
  };
  model.then(done, done);
}
