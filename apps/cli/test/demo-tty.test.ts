// `evalgate gate --demo` on a terminal: the live progress bar is redrawn in place while the gate runs.
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/program.js';

describe('evalgate gate --demo on a TTY', () => {
  it('redraws one progress line with a bar, the status and an ETA, then ends with the verdict and exit code 0', async () => {
    const stderr: string[] = [];
    const stdout: string[] = [];
    const code = await runCli(['gate', '--demo'], {
      stdout: { write: (text: string) => stdout.push(text), isTTY: true, columns: 120 },
      stderr: { write: (text: string) => stderr.push(text), isTTY: true, columns: 120 },
      env: {},
      cwd: process.cwd(),
      hostname: 'test-host',
      interrupt: new AbortController().signal,
      now: Date.now,
    });
    expect(code).toBe(0);
    const redraws = stderr.filter((text) => text.startsWith('\r\x1b[2K') && text.includes('['));
    expect(redraws.some((text) => /\[█*░+\]\s+\d+% running .*ETA \d+:\d\d/.test(text))).toBe(true);
    expect(redraws.some((text) => text.includes(`[${'█'.repeat(24)}] 100% completed`))).toBe(true);
    // Redraws stay on one line: nothing but the final newline ends it.
    expect(redraws.every((text) => !text.includes('\n'))).toBe(true);
    expect(stdout.join('')).toContain('evalgate: PASS');
  });
});
