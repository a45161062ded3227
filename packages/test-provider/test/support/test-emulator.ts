// An emulator on 127.0.0.1 driven by a fake clock, and a small fetch wrapper (the slice of the emulator's
// test/helpers.ts these tests use: a package's tests are private to it).
import { startEmulator, type Emulator, type EmulatorOptions } from '@evalgate/emulator';

export const API_KEY = 'test-key';

export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

export interface CallResult {
  status: number;
  // Tests read arbitrary JSON; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface TestEmulator {
  emu: Emulator;
  clock: FakeClock;
  /** `key: null` sends no Authorization header. */
  call(method: string, path: string, body?: unknown, options?: { key?: string | null }): Promise<CallResult>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  let current = Date.UTC(2026, 0, 1, 12, 0, 0);
  const clock: FakeClock = { now: () => current, advance: (ms) => (current += ms) };
  const emu = await startEmulator({ port: 0, apiKey: API_KEY, seed: 1, durationMs: 1000, sampleCount: 10, now: clock.now, ...options });
  const call: TestEmulator['call'] = async (method, path, body, callOptions = {}) => {
    const headers: Record<string, string> = {};
    const key = callOptions.key === undefined ? API_KEY : callOptions.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${emu.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
  return { emu, clock, call };
}

export const avg = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
