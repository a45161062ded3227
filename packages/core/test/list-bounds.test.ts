import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { DEFAULT_MAX_LIST_PAGES } from '../src/list.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

// A misbehaving provider must not keep list() requesting for ever. Each server below gives up after GUARD requests,
// so a client without the bounds fails these assertions instead of hanging the suite.
const GUARD = 500;
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const client = () => createClient({ provider: 'openai', apiKey: 'k', baseUrl: `${server.url}/v1`, maxRetries: 0 });

function run(id: string) {
  return { object: 'eval.run', id, eval_id: 'eval_a', status: 'completed', model: 'm', name: id, created_at: 1767225600, data_source: { type: 'jsonl' } };
}

/** Answers every runs page with `items(n)` and a cursor never seen before, saying there is more, until GUARD. */
function endlessPages(items: (n: number) => unknown[]) {
  let n = 0;
  server.respond((_req, res) => {
    n++;
    const data = items(n);
    json(200, { object: 'list', data, first_id: null, last_id: `cursor_${n}`, has_more: n < GUARD })(_req, res, '');
  });
}

async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
}

describe('list() bounds against an untrusted provider', () => {
  it('stops at an empty page even when the provider says has_more with a fresh cursor', async () => {
    endlessPages(() => []);
    expect(await drain(client().list({ evalId: 'eval_a' }))).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('stops after the default page cap when every page has items and a fresh cursor', async () => {
    endlessPages((n) => [run(`run_${n}`)]);
    expect(await drain(client().list({ evalId: 'eval_a', pageSize: 1 }))).toBe(DEFAULT_MAX_LIST_PAGES);
    expect(server.requests).toHaveLength(DEFAULT_MAX_LIST_PAGES);
  });

  it('honours maxPages and maxItems', async () => {
    endlessPages((n) => [run(`run_${n}a`), run(`run_${n}b`)]);
    expect(await drain(client().list({ evalId: 'eval_a', maxPages: 3 }))).toBe(6);
    expect(server.requests).toHaveLength(3);
    expect(await drain(client().list({ evalId: 'eval_a', maxItems: 5 }))).toBe(5);
    expect(server.requests).toHaveLength(6);
  });

  it('says in the log that the list was cut when a cap, not the provider, ended it', async () => {
    endlessPages((n) => [run(`run_${n}`)]);
    const warnings: string[] = [];
    const logged = createClient({
      provider: 'openai',
      apiKey: 'k',
      baseUrl: `${server.url}/v1`,
      maxRetries: 0,
      logger: { debug: () => {}, warn: (message) => warnings.push(message) },
    });
    expect(await drain(logged.list({ evalId: 'eval_a', pageSize: 1, maxPages: 3 }))).toBe(3);
    expect(await drain(logged.list({ evalId: 'eval_a', pageSize: 1, maxItems: 2 }))).toBe(2);
    expect(warnings).toEqual(['Stopped listing openai evaluations after 3 pages', 'Stopped listing openai evaluations after 2 evaluations']);
  });

  it('stops at a cursor seen before, even when it is not the previous one', async () => {
    let n = 0;
    server.respond((_req, res) => {
      n++;
      // a, b, a, b, ...: never the same twice in a row.
      const id = n % 2 === 1 ? 'cursor_a' : 'cursor_b';
      json(200, { object: 'list', data: [run(id)], first_id: id, last_id: id, has_more: n < GUARD })(_req, res, '');
    });
    // Three pages, and the run the third page repeats is yielded once.
    expect(await drain(client().list({ evalId: 'eval_a' }))).toBe(2);
    expect(server.requests.map((request) => new URL(request.url, 'http://x').searchParams.get('after'))).toEqual([null, 'cursor_a', 'cursor_b']);
  });
});
