// Live progress while waiting. On a TTY one line redrawn in place: a bar, the status, done/total and an ETA.
// Elsewhere (CI logs, pipes) a plain line whenever the status changes or another tenth is done.
import type { Evaluation } from '@evalgate/core';
import type { OutputStream } from '../io.js';
import { printable } from './printable.js';

const BAR_WIDTH = 24;

export interface ProgressView {
  update(evaluation: Evaluation): void;
  /** Clears the line so a message can be printed (TTY); `resume` draws it again below the message. */
  pause(): void;
  resume(): void;
  /** Leaves the line as it is and moves to the next, so later output does not overwrite it. */
  finish(): void;
}

export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m` : `${minutes}:${String(rest).padStart(2, '0')}`;
}

/** The ETA the provider gave, else one projected from the pace so far; undefined while the pace is unknown. */
export function estimateEtaSeconds(evaluation: Evaluation, elapsedMs: number): number | undefined {
  const progress = evaluation.progress;
  if (progress?.etaSeconds !== undefined) return progress.etaSeconds;
  const fraction = fractionOf(evaluation);
  if (fraction === undefined || fraction <= 0 || fraction >= 1) return undefined;
  return ((elapsedMs / 1000) * (1 - fraction)) / fraction;
}

function fractionOf(evaluation: Evaluation): number | undefined {
  const progress = evaluation.progress;
  if (progress?.fraction !== undefined) return progress.fraction;
  if (progress?.completed !== undefined && progress.total) return progress.completed / progress.total;
  return evaluation.status === 'completed' ? 1 : undefined;
}

export function progressLine(evaluation: Evaluation, elapsedMs: number, withBar: boolean): string {
  const fraction = fractionOf(evaluation);
  const parts: string[] = [];
  if (withBar) {
    const filled = fraction === undefined ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
    parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`);
  }
  parts.push(fraction === undefined ? '  ?%' : `${String(Math.floor(fraction * 100)).padStart(3)}%`, evaluation.status);
  const { completed, total } = evaluation.progress ?? {};
  if (completed !== undefined && total !== undefined) parts.push(`${completed}/${total}`);
  const eta = estimateEtaSeconds(evaluation, elapsedMs);
  parts.push(`elapsed ${formatDuration(elapsedMs / 1000)}`);
  if (eta !== undefined && evaluation.status !== 'completed') parts.push(`ETA ${formatDuration(eta)}`);
  return parts.join(' ');
}

export function createProgressView(stream: OutputStream, now: () => number, rawLabel: string): ProgressView {
  const started = now();
  const label = printable(rawLabel).replace(/\s+/g, ' ');
  if (stream.isTTY) {
    let last: Evaluation | undefined;
    const draw = (): void => {
      if (!last) return;
      const line = `${label} ${progressLine(last, now() - started, true)}`;
      const width = stream.columns && stream.columns > 10 ? stream.columns - 1 : line.length;
      stream.write(`\r\x1b[2K${line.slice(0, width)}`);
    };
    // Redraw every second so elapsed time and ETA move between polls; unref'd so it never holds the process open.
    const ticker = setInterval(draw, 1000);
    ticker.unref();
    return {
      update(evaluation) {
        last = evaluation;
        draw();
      },
      pause() {
        if (last) stream.write('\r\x1b[2K');
      },
      resume: draw,
      finish() {
        clearInterval(ticker);
        if (last) stream.write('\n');
      },
    };
  }
  let lastStatus: string | undefined;
  let lastTenth = -1;
  return {
    update(evaluation) {
      const fraction = fractionOf(evaluation);
      const tenth = fraction === undefined ? -1 : Math.floor(fraction * 10);
      if (evaluation.status === lastStatus && tenth <= lastTenth) return;
      lastStatus = evaluation.status;
      lastTenth = tenth;
      stream.write(`${label} ${progressLine(evaluation, now() - started, false)}\n`);
    },
    pause() {},
    resume() {},
    finish() {},
  };
}
