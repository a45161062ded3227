import { describe, expect, it } from 'vitest';
import { createProgressView, estimateEtaSeconds, formatDuration, progressLine } from '../src/output/progress.js';
import { evaluation } from './support/evaluation.js';

const running = (completed: number, total: number) =>
  evaluation({ status: 'running', rawStatus: 'RUNNING', scores: undefined, progress: { completed, total, fraction: completed / total } });

describe('progress', () => {
  it('draws a bar with status, counts, elapsed time and an ETA projected from the pace', () => {
    expect(progressLine(running(5, 20), 10_000, true)).toBe('[██████░░░░░░░░░░░░░░░░░░]  25% running 5/20 elapsed 0:10 ETA 0:30');
    expect(progressLine(running(5, 20), 10_000, false)).toBe(' 25% running 5/20 elapsed 0:10 ETA 0:30');
    expect(estimateEtaSeconds(evaluation({ status: 'running', progress: { etaSeconds: 42, fraction: 0.1 } }), 1000)).toBe(42);
    expect(estimateEtaSeconds(evaluation({ status: 'queued', progress: undefined }), 1000)).toBeUndefined();
    expect(formatDuration(3725)).toBe('1h02m');
  });

  it('redraws one line in place on a TTY', () => {
    const writes: string[] = [];
    let now = 0;
    const view = createProgressView({ write: (text: string) => writes.push(text), isTTY: true, columns: 200 }, () => now, 'ev_1');
    view.update(running(1, 4));
    now = 2000;
    view.update(running(2, 4));
    view.finish();
    expect(writes.slice(0, 2).every((text) => text.startsWith('\r\x1b[2Kev_1 ['))).toBe(true);
    expect(writes.at(-1)).toBe('\n');
    expect(writes.join('')).not.toMatch(/\n.*\n/);
  });

  it('prints plain lines elsewhere, only when the status changes or another tenth is done', () => {
    const writes: string[] = [];
    const view = createProgressView({ write: (text: string) => writes.push(text) }, () => 0, 'ev_1');
    view.update(evaluation({ status: 'queued', rawStatus: 'PENDING', scores: undefined, progress: undefined }));
    view.update(running(1, 100));
    view.update(running(5, 100));
    view.update(running(12, 100));
    view.update(evaluation());
    expect(writes).toEqual([
      'ev_1   ?% queued elapsed 0:00\n',
      'ev_1   1% running 1/100 elapsed 0:00 ETA 0:00\n',
      'ev_1  12% running 12/100 elapsed 0:00 ETA 0:00\n',
      'ev_1 100% completed elapsed 0:00\n',
    ]);
    expect(writes.join('')).not.toContain('\x1b');
  });
});

describe('provider text on a terminal', () => {
  it('loses control characters that could rewrite the screen', async () => {
    const { printable } = await import('../src/output/printable.js');
    expect(printable('ok\x1b[2J\x1b]0;title\x07 name\u202Egnp.exe\ttab\nline')).toBe('ok[2J]0;title namegnp.exe\ttab\nline');
    const writes: string[] = [];
    const view = createProgressView({ write: (text: string) => writes.push(text) }, () => 0, 'ev\x1b[31m_1');
    view.update(evaluation({ id: 'ev\x1b[31m_1', status: 'running', rawStatus: 'RUNNING', scores: undefined, progress: { fraction: 0.5 } }));
    expect(writes.join('')).not.toContain('\x1b');
  });
});
