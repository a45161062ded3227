import { describe, expect, it } from 'vitest';
import { exitCodeOfGate } from '../src/gate/outcome.js';

describe("the gate's outcome as an exit code", () => {
  it('is 0 pass (and a failed gate with fail-on neutral), 1 failed, 2 error, 3 cancelled or timed out', () => {
    expect(exitCodeOfGate({ status: 'completed', failed: false })).toBe(0);
    expect(exitCodeOfGate({ status: 'completed', failed: true })).toBe(1);
    expect(exitCodeOfGate({ status: 'failed', failed: true })).toBe(1);
    expect(exitCodeOfGate({ status: 'error', failed: true })).toBe(2);
    expect(exitCodeOfGate({ status: 'cancelled', failed: true })).toBe(3);
    expect(exitCodeOfGate({ status: 'timed_out', failed: true })).toBe(3);
  });
});
