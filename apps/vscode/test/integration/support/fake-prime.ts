/**
 * A Prime look-alike on 127.0.0.1 (node:http): lists the evaluations it is given (the array stays live: a test
 * changes what the server says by changing it), cancels hosted ones (409 once ended), records every request.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePrime {
  url: string;
  /** Method, path and headers of every request, in arrival order. */
  requests: Array<{ method: string; path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
  /** Listens again on the same port after `close()` (a server coming back). */
  reopen(): Promise<void>;
}

/** `evaluations` are Prime wire objects (`evaluation_id`, `name`, `status`, …) served by the list endpoint. */
export async function startFakePrime(evaluations: Array<Record<string, unknown>> = []): Promise<FakePrime> {
  const requests: FakePrime['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const one = /^\/api\/v1\/evaluations\/([^/]+)$/.exec(path);
    const found = one ? evaluations.find((evaluation) => evaluation.evaluation_id === decodeURIComponent(one[1]!)) : undefined;
    const cancel = /^\/api\/v1\/hosted-evaluations\/([^/]+)\/cancel$/.exec(path);
    if (cancel && req.method === 'PATCH') {
      const target = evaluations.find((evaluation) => evaluation.evaluation_id === decodeURIComponent(cancel[1]!));
      const ended = target && ['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT'].includes(String(target.status));
      res.writeHead(ended ? 409 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ended ? { detail: 'Evaluation already finished' } : { evaluation_id: cancel[1], status: 'CANCELLED' }));
      if (target && !ended) target.status = 'CANCELLED';
      return;
    }
    if (path === '/api/v1/evaluations/' || path === '/api/v1/evaluations') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ evaluations, total: evaluations.length, skip: 0, limit: 50 }));
    } else if (found) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ detail: 'Not Found' }));
    }
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would keep answering: a stopped server answers nothing.
        server.closeAllConnections();
      }),
    reopen: () => listen(port),
  };
}
