import { createServer, type Server } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/** Types a static host compresses. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

export interface ServeOptions {
  /**
   * gzip text files when the browser accepts it, as production static hosts
   * do (nginx `gzip_static`, Netlify, GitHub Pages, CloudFront). Off by
   * default: the tests read the bytes as written.
   */
  gzip?: boolean;
}

/** Serves a built site on 127.0.0.1 the way a static host does (`/x` -> `/x/index.html`). */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  // Compressed up front, like precompressed assets: compression time is not part of a measurement.
  const gzipped = new Map<string, Buffer>();
  if (options.gzip) {
    for (const name of await readdir(root, { recursive: true })) {
      const text = compressible.has(extname(name)) ? await readFile(join(root, name)).catch(() => null) : null;
      if (text) gzipped.set(join(root, name), gzipSync(text));
    }
  }
  const server: Server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(root, path), join(root, path, 'index.html'), join(root, `${path}.html`)];
    for (const file of candidates) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const type = types[extname(file)] ?? 'application/octet-stream';
        const body = gzipped.get(file);
        if (body && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
          response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
          response.end(body);
          return;
        }
        response.writeHead(200, { 'content-type': type });
        response.end(await readFile(file));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end(await readFile(join(root, '404.html')).catch(() => 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
