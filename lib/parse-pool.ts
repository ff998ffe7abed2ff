import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocModel } from '../core/types.js';
import { knownModel, parseDocOnce, pendingModel, rememberModel, rememberPending, type ModelKey } from './models.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

/** Set by the CLI's bundler (bin/handbook.mjs): the worker is the bundle's `parse-worker.mjs` entry. */
declare const __HANDBOOK_BUNDLED__: boolean | undefined;

/** A file's text to parse, with the site's Markdown options (the key of lib/models.ts). */
export type ParseJob = ModelKey;

/** How many docs this process parsed in worker threads and on the main thread (for tests: a worker that cannot start is not an error). */
export const parsePoolStats = { inWorkers: 0, onMainThread: 0 };

/** Fewer docs than this are parsed on the main thread: starting a worker (loading the parser into it) costs as much as parsing a few dozen docs. */
const MIN_DOCS_FOR_WORKERS = 64;
/** Docs sent per message: small enough to balance the workers, large enough that messages are few. */
const CHUNK = 16;

/**
 * Parses documents with the core's one parser (`parseDoc`), on every core:
 * parsing is most of a cold check, and micromark is single-threaded. Each
 * model is also remembered in lib/models.ts, so nothing in this process
 * parses the same text again, not even while it is being parsed (the build's
 * plugins load the corpus at the same time). `HANDBOOK_PARSE_WORKERS=0`
 * parses on the main thread (as fewer than {@link MIN_DOCS_FOR_WORKERS} docs
 * always are).
 */
export async function parseDocs(all: readonly ParseJob[], env: NodeJS.ProcessEnv = process.env, { trees = true }: ParseDocsOptions = {}): Promise<DocModel[]> {
  const results: (DocModel | Promise<DocModel> | undefined)[] = all.map((job) => knownModel(job, { trees }) ?? pendingModel(job, { trees }));
  const unknown = all.flatMap((job, i) => (results[i] ? [] : [i]));
  const parsing = parseUnknown(unknown.map((i) => all[i]!), env, trees);
  unknown.forEach((i, n) => {
    const model = parsing.then((models) => models[n]!);
    // Whoever waits on it reports the failure; this copy only marks the parse as under way.
    model.catch(() => undefined);
    rememberPending(all[i]!, model, { trees });
    results[i] = model;
  });
  return Promise.all(results as (DocModel | Promise<DocModel>)[]);
}

export interface ParseDocsOptions {
  /**
   * Keep each model's mdast tree (default true). Only some rules read it
   * (`Rule.readsTree`); without them a tree is neither sent back by a
   * worker (cloning trees cost a cold links check a fifth of its time,
   * BENCHMARKS.md) nor kept alive.
   */
  trees?: boolean;
}

async function parseUnknown(jobs: readonly ParseJob[], env: NodeJS.ProcessEnv, trees: boolean): Promise<DocModel[]> {
  const threads = workerCount(jobs.length, env);
  if (threads === 0) {
    parsePoolStats.onMainThread += jobs.length;
    return jobs.map(({ file, ...options }) => parseDocOnce({ file, ...options }, { trees }));
  }

  const models = new Array<DocModel>(jobs.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => startWorker());
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const start = next;
          next = Math.min(jobs.length, next + CHUNK);
          const chunk = jobs.slice(start, next);
          // A worker that cannot start or dies leaves its docs to the main thread below.
          const replies = await ask(worker, { trees, jobs: chunk.map(({ file: _file, ...options }) => options) }).catch(() => null);
          if (!replies) return;
          replies.forEach((reply, i) => {
            const job = chunk[i]!;
            if ('error' in reply) throw new Error(`parsing ${job.path} failed: ${reply.error}`);
            if (trees) Object.defineProperty(reply.model, 'tree', { value: reply.tree, enumerable: false, configurable: true });
            rememberModel(job, reply.model);
            models[start + i] = reply.model;
            parsePoolStats.inWorkers++;
          });
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  jobs.forEach(({ file, ...options }, i) => {
    if (models[i]) return;
    parsePoolStats.onMainThread++;
    models[i] = parseDocOnce({ file, ...options }, { trees });
  });
  return models;
}

function workerCount(docs: number, env: NodeJS.ProcessEnv): number {
  const asked = env.HANDBOOK_PARSE_WORKERS;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (Number.isInteger(n) && n >= 0) return docs === 0 ? 0 : Math.min(n, Math.ceil(docs / CHUNK));
  }
  if (docs < MIN_DOCS_FOR_WORKERS) return 0;
  // From the TypeScript sources (the Docusaurus build's plugins) each worker loads tsx and the parser
  // before its first doc, and the build's heap is large: measured on 1,000 docs, the build's load took
  // 16.8 s with two workers and 14.2 s on the main thread (BENCHMARKS.md). Only the CLI's bundle gains.
  if (typeof __HANDBOOK_BUNDLED__ !== 'boolean') return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, Math.ceil(docs / CHUNK));
}

function startWorker(): Worker {
  if (typeof __HANDBOOK_BUNDLED__ === 'boolean') return new Worker(new URL('./parse-worker.mjs', import.meta.url));
  // From the TypeScript sources (tests; the build when HANDBOOK_PARSE_WORKERS asks): the worker registers tsx first.
  // tsx's ES module entry: `require.resolve` gives its CommonJS one, whose `register` cannot load
  // its own hooks in a worker (ERR_MODULE_NOT_FOUND), which left every doc to the main thread.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(tsxPackage), exports['./esm/api']!.import.default)).href;
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

function ask(worker: Worker, request: ParseRequest): Promise<ParseReply[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (replies: ParseReply[]) => {
      worker.off('error', onError);
      resolve(replies);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(request);
  });
}
