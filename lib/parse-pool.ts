import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseDocOptions } from '../core/parse.js';
import type { DocModel } from '../core/types.js';
import { knownModel, parseDocOnce, rememberModel, type ModelKey } from './models.js';
import type { ParseReply } from './parse-worker.js';

/** Set by the CLI's bundler (bin/handbook.mjs): the worker is the bundle's `parse-worker.mjs` entry. */
declare const __HANDBOOK_BUNDLED__: boolean | undefined;

/** A file's text to parse, with the site's Markdown options (the key of lib/models.ts). */
export type ParseJob = ModelKey;

/** Fewer docs than this are parsed on the main thread: starting a worker (loading the parser into it) costs as much as parsing a few dozen docs. */
const MIN_DOCS_FOR_WORKERS = 64;
/** Docs sent per message: small enough to balance the workers, large enough that messages are few. */
const CHUNK = 16;

/**
 * Parses documents with the core's one parser (`parseDoc`), on every core:
 * parsing is most of a cold check, and micromark is single-threaded. Each
 * model is also remembered in lib/models.ts, so nothing in this process
 * parses the same text again. `HANDBOOK_PARSE_WORKERS=0` parses on the main
 * thread (as fewer than {@link MIN_DOCS_FOR_WORKERS} docs always are).
 */
export async function parseDocs(all: readonly ParseJob[], env: NodeJS.ProcessEnv = process.env): Promise<DocModel[]> {
  const results = all.map((job) => knownModel(job));
  const unknown = all.flatMap((job, i) => (results[i] ? [] : [i]));
  const parsed = await parseUnknown(unknown.map((i) => all[i]!), env);
  unknown.forEach((i, n) => (results[i] = parsed[n]));
  return results as DocModel[];
}

async function parseUnknown(jobs: readonly ParseJob[], env: NodeJS.ProcessEnv): Promise<DocModel[]> {
  const threads = workerCount(jobs.length, env);
  if (threads === 0) return jobs.map(({ file, ...options }) => parseDocOnce({ file, ...options }));

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
          const replies = await ask(worker, chunk.map(({ file: _file, ...options }) => options)).catch(() => null);
          if (!replies) return;
          replies.forEach((reply, i) => {
            const job = chunk[i]!;
            if ('error' in reply) throw new Error(`parsing ${job.path} failed: ${reply.error}`);
            Object.defineProperty(reply.model, 'tree', { value: reply.tree, enumerable: false, configurable: true });
            rememberModel(job, reply.model);
            models[start + i] = reply.model;
          });
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  jobs.forEach(({ file, ...options }, i) => (models[i] ??= parseDocOnce({ file, ...options })));
  return models;
}

function workerCount(docs: number, env: NodeJS.ProcessEnv): number {
  const asked = env.HANDBOOK_PARSE_WORKERS;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (Number.isInteger(n) && n >= 0) return docs === 0 ? 0 : Math.min(n, Math.ceil(docs / CHUNK));
  }
  if (docs < MIN_DOCS_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, Math.ceil(docs / CHUNK));
}

function startWorker(): Worker {
  if (typeof __HANDBOOK_BUNDLED__ === 'boolean') return new Worker(new URL('./parse-worker.mjs', import.meta.url));
  // From the TypeScript sources (tests, the Docusaurus plugins): the worker registers tsx first.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

function ask(worker: Worker, jobs: ParseDocOptions[]): Promise<ParseReply[]> {
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
    worker.postMessage(jobs);
  });
}
