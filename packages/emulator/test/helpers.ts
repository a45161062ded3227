/** Test helpers: an emulator on 127.0.0.1 driven by a fake clock, and a small fetch wrapper. */
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';

export const API_KEY = 'test-key';
export const START = Date.UTC(2026, 0, 1, 12, 0, 0);

export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function fakeClock(start = START): FakeClock {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

export interface TestEmulator {
  emu: Emulator;
  clock: FakeClock;
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
}

export interface CallOptions {
  /** null sends no Authorization header. */
  key?: string | null;
  rawBody?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = fakeClock();
  const emu = await startEmulator({ port: 0, apiKey: API_KEY, seed: 1, durationMs: 1000, sampleCount: 10, now: clock.now, ...options });
  const call = async (method: string, path: string, body?: unknown, callOptions: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = {};
    const key = callOptions.key === undefined ? API_KEY : callOptions.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const payload = callOptions.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${emu.url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  };
  return { emu, clock, call };
}

export const avg = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
