/** Rules about the URLs the extension talks to or opens: plain http only on this machine. */

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Why a base URL may not carry an API key, or undefined when it may (https, or http on loopback). */
export function baseUrlProblem(url: string): string | undefined {
  const parsed = parse(url.trim());
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    return 'must be an http(s) URL, e.g. "https://api.primeintellect.ai" (the emulator: "http://127.0.0.1:4010", OpenAI: ".../v1")';
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    return `must use https:// for ${parsed.host}: the API key would travel unencrypted (plain http is allowed only for 127.0.0.1/localhost, e.g. the emulator)`;
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not contain a user name or password (keys belong in secret storage)';
  return undefined;
}

/** Same scheme, host, port and path (ignoring case of the host and a trailing slash). */
export function sameEndpoint(a: string, b: string): boolean {
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return false;
  const path = (url: URL) => url.pathname.replace(/\/+$/, '');
  return left.protocol === right.protocol && left.host === right.host && path(left) === path(right);
}

/** A report link may open only as https, or http on loopback; anything else (file:, command:, vscode:, …) is refused. */
export function reportUrlProblem(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed) return 'it is not a valid URL';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
  return `only https:// links (and http:// on 127.0.0.1/localhost) are opened, and this one is ${parsed.protocol}`;
}
