import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path with query, as the client sent it. */
  url: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

const parse = (text: string): unknown => (text === '' ? undefined : JSON.parse(text));

/** A node:http server on 127.0.0.1 that forwards every request to `target` and records both sides. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body !== '' ? { body } : {}) })
        .then(async (upstream) => {
          const text = await upstream.text();
          exchanges.push({ method: req.method ?? '', url: req.url ?? '', requestBody: parse(body), status: upstream.status, responseBody: parse(text) });
          res.writeHead(upstream.status, { 'content-type': 'application/json', 'x-request-id': upstream.headers.get('x-request-id') ?? '' });
          res.end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
