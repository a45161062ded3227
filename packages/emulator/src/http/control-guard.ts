/**
 * The control API has no key, so it trusts only requests that come from this machine on purpose: a web page the
 * developer visits can send cross-site "simple" requests (text/plain POSTs) to 127.0.0.1, or rebind a hostile DNS
 * name to it. Refused: a Host that is not loopback or the bound address (DNS rebinding), an Origin other than the
 * emulator's own (cross-site), and a POST body that is not application/json (which a browser cannot send cross-site
 * without a preflight the emulator never answers).
 */
import type { IncomingMessage } from 'node:http';
import { json, type Reply } from './reply.js';

function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function hostnameOf(hostHeader: string): string | undefined {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/** A reply refusing the control request, or undefined when it may go ahead. */
export function refuseControlRequest(req: IncomingMessage, boundHost: string, ownOrigin: string): Reply | undefined {
  const hostname = hostnameOf(req.headers.host ?? '');
  const bound = boundHost.toLowerCase().replace(/^\[|\]$/g, '');
  if (hostname === undefined || (!isLoopbackHostname(hostname) && hostname.replace(/^\[|\]$/g, '') !== bound)) {
    return json(403, { error: 'control API: the Host header must be a loopback address or the address the emulator listens on' });
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) {
    return json(403, { error: `control API: cross-origin requests are refused (Origin ${origin.slice(0, 100)})` });
  }
  if (req.method === 'POST' && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return json(415, { error: 'control API: send the body as content-type: application/json' });
  }
  return undefined;
}
