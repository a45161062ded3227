/**
 * The HTTP server: one origin serving the three providers and the control API. Per request: log it, apply any
 * injected fault, check the Bearer key, route, and answer JSON with `x-request-id`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasValidKey } from './auth.js';
import { CONTROL_PREFIX, controlRoutes } from './control.js';
import { Controller, type ConfigureInput, type EvaluationSnapshot } from './controller.js';
import { retryAfterHeaders, type FaultSpec, type ResponseFault } from './faults.js';
import { readBody, type RequestBody } from './http/body.js';
import { refuseControlRequest } from './http/control-guard.js';
import { json, type Reply } from './http/reply.js';
import { matchRoute, type Route } from './http/router.js';
import { pathIs, type ProviderApi } from './providers/provider.js';
import { emulatedProviders } from './providers/registry.js';
import type { RequestLogEntry } from './request-log.js';
import { EmulatorState } from './state.js';
import type { EmulatorOptions, Provider } from './types.js';

export interface Emulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** What each provider client takes as its `baseUrl`. */
  baseUrls: Record<Provider, string>;
  configure(settings: ConfigureInput): void;
  faults: { add(fault: FaultSpec): void; clear(): void };
  /** Forces a raw status (unknown ones too) from now on; null clears it. Throws on an unknown id. */
  setStatus(provider: Provider, id: string, rawStatus: string | null): void;
  seed(provider: Provider, count: number): void;
  /** Every provider request so far, in arrival order (control requests are not logged). */
  readonly requests: RequestLogEntry[];
  evaluations(provider: Provider): EvaluationSnapshot[];
  reset(): void;
  close(): Promise<void>;
}

const MALFORMED_JSON = '{"evaluation_id": "truncated-resp';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? 'test-key';
  const state = new EmulatorState(
    {
      durationMs: options.durationMs ?? 2000,
      sampleCount: options.sampleCount ?? 20,
      scores: null,
      outcome: options.outcome ?? 'completed',
      openaiCancelPaths: options.openaiCancelPaths ?? 'both',
      primeListOrder: 'newest-first',
      primeInitialStatus: null,
      nugenStatusCase: 'upper',
      nugenListOrder: 'newest-first',
    },
    options.seed ?? 1,
    options.now ?? Date.now,
  );
  const served = emulatedProviders();
  const apis = new Map<Provider, ProviderApi>(served.map((provider) => [provider.name as Provider, provider.createApi(state)]));
  const controller = new Controller(state, apis);
  const control = controlRoutes(state, controller);
  for (const api of apis.values()) api.initialize();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('evalgate emulator: unhandled error', error);
      if (!res.headersSent) send(res, json(500, { detail: 'Internal Server Error' }), 'req_error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = state.log.nextRequestId();
    const now = state.clock();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname;

    if (pathIs(path, CONTROL_PREFIX)) {
      const refusal = refuseControlRequest(req, boundHost, state.origin);
      if (refusal) return sendAndClose(res, refusal, requestId);
      const body = await readBody(req);
      if (body.kind === 'too-large') return sendAndClose(res, tooLarge(body), requestId);
      send(res, await route(control, method, path, { query: url.searchParams, body, now }, null), requestId);
      return;
    }

    const api = [...apis.values()].find((candidate) => pathIs(path, candidate.prefix));
    const entry = state.log.record({ at: now, method, path: req.url ?? path, provider: api?.provider ?? null, status: 0, requestId });
    if (!api) {
      entry.status = 404;
      sendAndClose(res, json(404, { detail: 'Not Found' }), requestId);
      return;
    }

    const decision = state.faults.take({ provider: api.provider, method, path: req.url ?? path });
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    // The key is checked before the body is read: an unauthenticated client cannot make the emulator buffer anything.
    if (decision.fault || !hasValidKey(req, apiKey)) {
      const refusal = decision.fault ? faultReply(api, decision.fault) : api.errors.unauthorized();
      entry.status = refusal.status;
      sendAndClose(res, refusal, requestId);
      return;
    }
    const body = await readBody(req);
    const reply =
      body.kind === 'too-large' ? tooLarge(body) : await route(api.routes, method, path, { query: url.searchParams, body, now: state.clock() }, api);
    entry.status = reply.status;
    if (body.kind === 'too-large') sendAndClose(res, reply, requestId);
    else send(res, reply, requestId);
  }

  function tooLarge(body: Extract<RequestBody, { kind: 'too-large' }>): Reply {
    return json(413, { error: `request body is larger than ${body.limit} bytes` });
  }

  /** Replies without reading the rest of the request body: the connection closes after the reply. */
  function sendAndClose(res: ServerResponse, reply: Reply, requestId: string): void {
    res.setHeader('connection', 'close');
    send(res, reply, requestId);
  }

  function faultReply(api: ProviderApi, fault: ResponseFault): Reply {
    switch (fault.kind) {
      case 'rate-limit':
        return api.errors.rateLimited(retryAfterHeaders(fault, state.clock()));
      case 'server-error':
        return api.errors.serverError(fault.status ?? 500);
      case 'malformed-json':
        return { status: 200, body: null, rawBody: MALFORMED_JSON };
      case 'reset':
        throw new Error('reset faults are handled before replying');
    }
  }

  async function route(
    routes: readonly Route[],
    method: string,
    path: string,
    ctx: Omit<Parameters<Route['handler']>[0], 'params'>,
    api: ProviderApi | null,
  ): Promise<Reply> {
    const match = matchRoute(routes, method, path);
    if (match === null) return api ? api.errors.notFound('Not Found') : json(404, { error: `no control endpoint ${method} ${path}` });
    if ('methodNotAllowed' in match) {
      return api ? api.errors.methodNotAllowed() : json(405, { error: `method ${method} not allowed on ${path}` });
    }
    return match.route.handler({ ...ctx, params: match.params });
  }

  const boundHost = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.origin = url;

  return {
    url,
    port,
    baseUrls: Object.fromEntries(served.map((provider) => [provider.name, `${url}${provider.baseUrlPath}`])) as Record<Provider, string>,
    configure: (settings) => controller.configure(settings),
    faults: { add: (fault) => controller.addFault(fault), clear: () => controller.clearFaults() },
    setStatus: (provider, id, rawStatus) => controller.setStatus(provider, id, rawStatus),
    seed: (provider, count) => controller.seed(provider, count),
    get requests() {
      return state.log.entries.map((entry) => ({ ...entry }));
    },
    evaluations: (provider) => controller.evaluations(provider),
    reset: () => controller.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, reply: Reply, requestId: string): void {
  const text = reply.rawBody ?? JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
    ...reply.headers,
  });
  res.end(text);
}
