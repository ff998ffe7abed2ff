/**
 * A parse worker of lib/parse-pool.ts: parses the documents it is sent with
 * the core's one parser and sends back each model, with its mdast tree when
 * asked (the tree is not an enumerable property of the model, so it travels
 * beside it).
 */
import { parentPort } from 'node:worker_threads';
import { parseDoc, type ParseDocOptions } from '../core/parse.js';
import type { DocModel } from '../core/types.js';

export type ParseReply = { model: DocModel; tree: unknown } | { error: string };
export interface ParseRequest {
  jobs: ParseDocOptions[];
  /** Send each model's tree back: cloning a tree costs about what parsing it does, so only when a rule reads it. */
  trees: boolean;
}

parentPort!.on('message', ({ jobs, trees }: ParseRequest) => {
  parentPort!.postMessage(
    jobs.map((job): ParseReply => {
      try {
        const model = parseDoc(job);
        return { model, tree: trees ? (model as DocModel & { tree?: unknown }).tree : undefined };
      } catch (error) {
        return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
    }),
  );
});
