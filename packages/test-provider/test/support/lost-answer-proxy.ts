// A node:http proxy on 127.0.0.1 in front of the emulator that loses the answer to chosen requests: the request
// reaches the emulator (a create creates), then the client gets a 502 instead of the emulator's answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LostAnswerProxy {
  url: string;
  /** The requests whose answer was replaced, as `METHOD path`. */
  lost: string[];
  close(): Promise<void>;
}

/** `lose(method, path)` says whether to replace this request's answer; it is asked once per request. */
export async function startLostAnswerProxy(target: string, lose: (method: string, path: string) => boolean): Promise<LostAnswerProxy> {
  const lost: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<
        string,
        string
      >;
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void fetch(`${target}${path}`, { method, headers, ...(body ? { body } : {}) })
        .then(async (answer) => {
          const text = await answer.text();
          if (lose(method, path)) {
            lost.push(`${method} ${path}`);
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: 'bad gateway' } }));
            return;
          }
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(text);
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
