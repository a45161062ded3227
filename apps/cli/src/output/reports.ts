// The report files a CI job asks for (--junit, --dotenv, --summary, --badge) and the --format output on stdout.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigurationError } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';
import { renderBadge } from '@evalgate/gate/badge';
import { renderDotenv } from './dotenv.js';
import { renderOutcomeJson } from './json.js';
import { renderJUnit } from './junit.js';
import { renderOutcomeMarkdown } from './markdown.js';
import { renderOutcomeText } from './text.js';

export const FORMATS = ['text', 'json', 'markdown', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportFiles {
  junit?: string;
  dotenv?: string;
  summary?: string;
  badge?: string;
}

export function renderFormat(format: Format, outcome: Outcome, hostname: string): string {
  switch (format) {
    case 'text':
      return renderOutcomeText(outcome);
    case 'json':
      return renderOutcomeJson(outcome);
    case 'markdown':
      return renderOutcomeMarkdown(outcome);
    case 'junit':
      return renderJUnit(outcome, hostname);
  }
}

/** `x.svg` writes the SVG and `x.json` beside it (shields.io endpoint), as the Action's badge-path does. */
export function badgePaths(path: string): { svg: string; json: string } {
  const match = /^(.+)\.(svg|json)$/i.exec(path);
  if (!match || match[1]?.endsWith('/')) {
    throw new ConfigurationError(`Invalid --badge: "${path}" must be a file path ending in .svg or .json. Fix: e.g. --badge public/evalgate.svg.`);
  }
  return { svg: `${match[1]}.svg`, json: `${match[1]}.json` };
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Writes the reports asked for; `redact` masks secrets a provider may have echoed into its texts. */
export async function writeReports(
  files: ReportFiles,
  outcome: Outcome,
  hostname: string,
  options: { badgeLabel?: string; redact: (text: string) => string },
): Promise<void> {
  const put = (path: string, text: string): Promise<void> => write(path, options.redact(text));
  if (files.junit) await put(files.junit, renderJUnit(outcome, hostname));
  if (files.dotenv) await put(files.dotenv, renderDotenv(outcome));
  if (files.summary) await put(files.summary, renderOutcomeMarkdown(outcome, 'full'));
  if (files.badge) {
    const paths = badgePaths(files.badge);
    const badge = renderBadge(options.badgeLabel ?? 'evalgate', outcome.gate, outcome.evaluation?.scores, outcome.status);
    await put(paths.svg, badge.svg);
    await put(paths.json, badge.json);
  }
}
