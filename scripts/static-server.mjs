// A tiny static file server on 127.0.0.1 for the demo page and the end-to-end tests.
// Serves files under the given roots (first match wins); never outside them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.xhtml': 'application/xhtml+xml',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.pdf': 'application/pdf',
};

/** @param {Record<string, string>} mounts URL prefix → directory, e.g. { '/': 'test/fixtures' } */
export async function startStaticServer(mounts, port = 0, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(mounts).sort((a, b) => b[0].length - a[0].length)) {
      if (!path.startsWith(prefix)) continue;
      const base = resolve(dir);
      const file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base)) break;
      try {
        if ((await stat(file)).isFile()) {
          res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
          res.end(await readFile(file));
          return;
        }
      } catch {
        // Not in this mount: try the next.
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}
