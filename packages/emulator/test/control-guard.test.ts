import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../src/http/body.js';
import { API_KEY, startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

interface RawReply {
  status: number;
  body: string;
}

/** A raw request, so Host, Origin and content-type are exactly what a browser or attacker would send. */
function raw(method: string, path: string, headers: Record<string, string | number>, body?: string): Promise<RawReply> {
  const url = new URL(path, t.emu.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const configure = JSON.stringify({ scores: [0.1] });
const ownHost = () => new URL(t.emu.url).host;

describe('control API guard', () => {
  it('refuses a cross-site text/plain POST (no preflight) with 415 and changes nothing', async () => {
    const reply = await raw('POST', '/__emulator/configure', { host: ownHost(), 'content-type': 'text/plain' }, configure);
    expect(reply.status).toBe(415);
    expect(t.emu.evaluations('prime')).toHaveLength(0);
    expect((await t.call('POST', '/__emulator/configure', { scores: [0.3] }, { key: null })).status).toBe(200);
  });

  it('refuses a Host that is not loopback or the bound address (DNS rebinding) with 403', async () => {
    const reply = await raw(
      'POST',
      '/__emulator/configure',
      { host: `attacker.example:${new URL(t.emu.url).port}`, 'content-type': 'application/json' },
      configure,
    );
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/Host/);
    expect((await raw('GET', '/__emulator/requests', { host: `localhost:${new URL(t.emu.url).port}` })).status).toBe(200);
  });

  it("refuses an Origin that is not the emulator's own with 403, and accepts its own", async () => {
    const foreign = await raw(
      'POST',
      '/__emulator/configure',
      { host: ownHost(), origin: 'https://evil.example', 'content-type': 'application/json' },
      configure,
    );
    expect(foreign.status).toBe(403);
    const own = await raw('POST', '/__emulator/configure', { host: ownHost(), origin: t.emu.url, 'content-type': 'application/json' }, configure);
    expect(own.status).toBe(200);
  });

  it('answers 413 to a control body over the cap without buffering it', async () => {
    const reply = await raw('POST', '/__emulator/configure', {
      host: ownHost(),
      'content-type': 'application/json',
      'content-length': MAX_REQUEST_BODY_BYTES + 1,
    });
    expect(reply.status).toBe(413);
  });
});

describe('provider routes read no body before the key check', () => {
  it('answers 401 to an unauthenticated request that declares a huge body, before the body arrives', async () => {
    const reply = await raw('POST', '/api/v1/evaluations/', { host: ownHost(), 'content-type': 'application/json', 'content-length': 500 * 1024 * 1024 });
    expect(reply.status).toBe(401);
  });

  it('answers 413 to an authenticated body over the cap', async () => {
    const reply = await raw('POST', '/api/v1/evaluations/', {
      host: ownHost(),
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      'content-length': MAX_REQUEST_BODY_BYTES + 1,
    });
    expect(reply.status).toBe(413);
  });
});
