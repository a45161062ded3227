// A node:http server on 127.0.0.1 in front of the emulator that plays a provider the emulator does not: it can hold a
// response (a create answered only after the job was cancelled) or rewrite JSON answers (a provider echoing a key,
// markdown, HTML or a javascript: URL). Everything else is forwarded as is.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
}

export interface ProxyOptions {
  /** The emulator origin, e.g. http://127.0.0.1:1234 */
  target: string;
  /** Return a promise to answer this request only once it resolves (the request has reached the emulator by then). */
  hold?: (request: ProxiedRequest) => Promise<void> | undefined;
  /** Replace a JSON answer. */
  rewrite?: (request: ProxiedRequest, body: unknown) => unknown;
  /**
   * Answer this request itself (200 with the JSON returned), e.g. from several emulator answers; `forward` asks the
   * emulator for a path with the request's own headers. Undefined: forward as usual.
   */
  respond?: (request: ProxiedRequest, forward: (path: string) => Promise<unknown>) => Promise<unknown> | undefined;
}

export interface ProviderProxy {
  /** Same origin layout as the emulator: `${url}/v1` for OpenAI. */
  url: string;
  /** Requests whose answer is being held right now. */
  held: ProxiedRequest[];
  /** Every request seen, in order. */
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startProviderProxy(options: ProxyOptions): Promise<ProviderProxy> {
  const held: ProxiedRequest[] = [];
  const seen: ProxiedRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const proxied = { method: request.method ?? 'GET', path: request.url ?? '/' };
      seen.push(proxied);
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
      }
      const own = options.respond?.(proxied, async (path) => (await fetch(`${options.target}${path}`, { headers })).json());
      if (own) {
        const json = JSON.stringify(await own);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(json);
        return;
      }
      const answer = await fetch(`${options.target}${proxied.path}`, {
        method: proxied.method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      let text = await answer.text();
      if (options.rewrite && (answer.headers.get('content-type') ?? '').includes('json')) {
        try {
          text = JSON.stringify(options.rewrite(proxied, JSON.parse(text)));
        } catch {
          // Not JSON after all: forward unchanged.
        }
      }
      const wait = options.hold?.(proxied);
      if (wait) {
        held.push(proxied);
        await wait;
        held.splice(held.indexOf(proxied), 1);
      }
      const out: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
      const requestId = answer.headers.get('x-request-id');
      if (requestId) out['x-request-id'] = requestId;
      response.writeHead(answer.status, out);
      response.end(text);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A promise and the function that resolves it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
