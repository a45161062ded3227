import type { ActionSink, Files, Logger, RunDeps } from '../../src/deps.js';
import type { RunContext } from '../../src/github/event.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { makeRedactor } from '@evalgate/gate';
import type { RawInputs } from '../../src/inputs/table.js';
import { FakeClient } from './fake-client.js';
import { FakeClock } from './fake-clock.js';
import { FakeGitHub } from './fake-github.js';
import { withOverrides, type Overrides } from './overrides.js';

export const API_KEY = 'sk-test-SECRET-4f9a2c';

export class MemorySink implements ActionSink {
  readonly outputs = new Map<string, string>();
  readonly state = new Map<string, string>();
  readonly summaries: string[] = [];
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
}

export class MemoryFiles implements Files {
  readonly files = new Map<string, string>();
  async read(path: string): Promise<string> {
    const text = this.files.get(path);
    if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return text;
  }
  async write(path: string, content: string): Promise<void> {
    this.files.set(path, content);
  }
}

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warning(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

export const PR_CONTEXT: RunContext = {
  owner: 'acme',
  repo: 'widgets',
  eventName: 'pull_request',
  sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  ref: 'feature',
  baseRef: 'main',
  prNumber: 12,
  isFork: false,
  runId: '42',
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
};

export const PROVIDER_INPUTS: Record<'prime' | 'openai' | 'nugen', RawInputs> = {
  prime: { provider: 'prime', environments: 'gsm8k', 'inference-model': 'meta/llama-3' },
  openai: { provider: 'openai', 'eval-id': 'eval_demo', 'data-source': '{"type":"jsonl","source":{"type":"file_id","id":"file_1"}}' },
  nugen: { provider: 'nugen', 'model-id': 'model-a', 'benchmark-id': 'bench-1' },
};

export interface Harness {
  deps: RunDeps;
  client: FakeClient;
  github: FakeGitHub;
  clock: FakeClock;
  sink: MemorySink;
  files: MemoryFiles;
  logger: MemoryLogger;
  controller: AbortController;
}

export function harness(
  provider: 'prime' | 'openai' | 'nugen',
  raw: RawInputs = {},
  options: { context?: Overrides<RunContext>; github?: boolean } = {},
): Harness {
  const clock = new FakeClock();
  const client = new FakeClient(provider, clock);
  const github = new FakeGitHub();
  const sink = new MemorySink();
  const files = new MemoryFiles();
  const logger = new MemoryLogger();
  const controller = new AbortController();
  const inputs = parseInputs({ 'api-key': API_KEY, 'github-token': 'ghs_TOKEN_1234', 'poll-interval-seconds': '5', ...PROVIDER_INPUTS[provider], ...raw });
  const deps: RunDeps = {
    inputs,
    context: withOverrides(PR_CONTEXT, options.context ?? {}),
    client,
    ...(options.github === false ? {} : { github }),
    logger,
    clock,
    sink,
    files,
    signal: controller.signal,
    redact: makeRedactor([API_KEY, inputs.githubToken]),
  };
  return { deps, client, github, clock, sink, files, logger, controller };
}
