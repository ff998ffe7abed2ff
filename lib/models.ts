import { parseDoc } from '../core/parse.js';
import type { DocModel } from '../core/types.js';

/**
 * The model of each document, parsed once per process: the build's plugins
 * (the check, the site data, the export) load the corpus, and the
 * checklist's remark plugin asks for the model of the very file the MDX
 * loader compiles. All of them get the same model of the same text, so the
 * page and the export cannot disagree, and no text is parsed twice. Keyed
 * by the file's absolute path; a changed text (the dev server after an
 * edit) is parsed again and replaces the old model.
 */
const models = new Map<string, { path: string; text: string; model: DocModel }>();

export function parseDocOnce({ file, path, text }: { file: string; path: string; text: string }): DocModel {
  const known = knownModel({ file, path, text });
  if (known) return known;
  const model = parseDoc({ path, text });
  models.set(file, { path, text, model });
  return model;
}

/** A model parsed elsewhere (a parse worker, lib/parse-pool.ts) of this file's text. */
export function rememberModel({ file, path, text }: { file: string; path: string; text: string }, model: DocModel): void {
  models.set(file, { path, text, model });
}

/** The model this process already has of this file's text, if any. */
export function knownModel({ file, path, text }: { file: string; path: string; text: string }): DocModel | undefined {
  const known = models.get(file);
  return known && known.text === text && known.path === path ? known.model : undefined;
}
