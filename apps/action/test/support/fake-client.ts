import {
  AbortError,
  NotFoundError,
  TimeoutError,
  isTerminal,
  providers,
  type CreateEvaluationRequest,
  type EvalClient,
  type Evaluation,
  type EvaluationStatus,
  type Page,
  type ProviderCapabilities,
  type PrimeSample,
  type ProviderName,
  type Scores,
  type WaitOptions,
} from '@evalgate/core';
import type { FakeClock } from './fake-clock.js';

export interface FakeEvaluationPlan {
  /** Statuses each poll returns, the last one repeating. */
  statuses: EvaluationStatus[];
  scores?: Scores;
  comparison?: Evaluation['comparison'];
  /** Samples pushed so far (client-driven Prime). */
  samples?: PrimeSample[];
}

/** An in-memory EvalClient that records calls; time passes on the fake clock only. */
export class FakeClient implements EvalClient {
  readonly baseUrl = 'http://fake';
  readonly evaluations = new Map<string, Evaluation>();
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  /** Applied to each evaluation created next. */
  plan: FakeEvaluationPlan = { statuses: ['running', 'running', 'completed'], scores: { avg: 0.82, min: 0.41, max: 0.97, count: 200 } };
  /** Errors thrown by the next calls of a method, in order. */
  readonly failures = new Map<string, Error[]>();
  /** Called once waitForCompletion starts, e.g. to abort. */
  onWait: (() => void) | undefined;
  private readonly plans = new Map<string, FakeEvaluationPlan & { polls: number }>();
  private counter = 0;

  constructor(
    readonly provider: ProviderName,
    private readonly clock: FakeClock,
  ) {}

  /** The real provider's, from core's registry: the gate branches on capabilities, so a fake must not invent them. */
  get capabilities(): ProviderCapabilities {
    const info = providers().find((candidate) => candidate.name === this.provider);
    if (!info) throw new Error(`no provider named ${this.provider} in core's registry`);
    return info.capabilities;
  }

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** Adds an existing evaluation, e.g. from an earlier attempt or the base branch. */
  seed(evaluation: Partial<Evaluation> & { id: string; status: EvaluationStatus }): Evaluation {
    const full = this.make(evaluation.id, evaluation.status, evaluation);
    this.evaluations.set(full.id, full);
    this.plans.set(full.id, { statuses: [full.status], polls: 0, ...(full.scores ? { scores: full.scores } : {}) });
    return full;
  }

  private make(id: string, status: EvaluationStatus, extra: Partial<Evaluation> = {}): Evaluation {
    return {
      provider: this.provider,
      id,
      name: id,
      status,
      rawStatus: status.toUpperCase(),
      capabilities: { canCancel: this.provider !== 'nugen' && !isTerminal(status), canFinalize: this.provider === 'prime' },
      reportUrl: `https://report.example/${id}`,
      createdAt: new Date(this.clock.now()),
      ...extra,
    };
  }

  private failNext(method: string): void {
    const queue = this.failures.get(method);
    const error = queue?.shift();
    if (error !== undefined) throw error;
  }

  async create(request: CreateEvaluationRequest): Promise<Evaluation> {
    this.calls.push({ method: 'create', args: [request] });
    this.failNext('create');
    const id = `ev_${++this.counter}`;
    const metadata = 'metadata' in request && request.metadata ? (request.metadata as Record<string, string>) : undefined;
    const first = this.plan.statuses[0] ?? 'queued';
    const evaluation = this.make(id, first === 'completed' ? 'running' : first, {
      name: 'name' in request && request.name ? request.name : id,
      ...(metadata ? { metadata } : {}),
    });
    this.evaluations.set(id, evaluation);
    this.plans.set(id, { ...this.plan, polls: 0 });
    return evaluation;
  }

  async get(id: string): Promise<Evaluation> {
    this.calls.push({ method: 'get', args: [id] });
    this.failNext('get');
    const evaluation = this.evaluations.get(id);
    if (!evaluation) throw new NotFoundError('Evaluation not found', { provider: this.provider, status: 404 });
    return evaluation;
  }

  /** One poll: moves the evaluation along its plan. */
  private advance(id: string): Evaluation {
    const plan = this.plans.get(id)!;
    const current = this.evaluations.get(id)!;
    if (isTerminal(current.status)) return current;
    const status = plan.statuses[Math.min(plan.polls, plan.statuses.length - 1)]!;
    plan.polls++;
    const next: Evaluation = {
      ...current,
      status,
      rawStatus: status.toUpperCase(),
      progress: { fraction: Math.min(1, plan.polls / plan.statuses.length), completed: plan.polls, total: plan.statuses.length },
      capabilities: { ...current.capabilities, canCancel: this.provider !== 'nugen' && !isTerminal(status) },
    };
    if (status === 'completed' && plan.scores && this.provider !== 'prime') next.scores = plan.scores;
    if (status === 'completed' && plan.comparison) next.comparison = plan.comparison;
    this.evaluations.set(id, next);
    return next;
  }

  async listPage(): Promise<Page<Evaluation>> {
    this.calls.push({ method: 'listPage', args: [] });
    return { items: [...this.evaluations.values()].reverse() };
  }

  async *list(options?: { evalId?: string }): AsyncIterable<Evaluation> {
    this.calls.push({ method: 'list', args: [options] });
    this.failNext('list');
    yield* [...this.evaluations.values()].reverse();
  }

  async cancel(id: string): Promise<Evaluation> {
    this.calls.push({ method: 'cancel', args: [id] });
    this.failNext('cancel');
    const current = await this.get(id);
    const cancelled: Evaluation = { ...current, status: 'cancelled', rawStatus: 'CANCELLED', capabilities: { ...current.capabilities, canCancel: false } };
    this.evaluations.set(id, cancelled);
    return cancelled;
  }

  async finalize(id: string): Promise<Evaluation> {
    this.calls.push({ method: 'finalize', args: [id] });
    this.failNext('finalize');
    const current = this.evaluations.get(id)!;
    const plan = this.plans.get(id)!;
    const scores = plan.samples ? scoresOf(plan.samples) : plan.scores;
    const finalized: Evaluation = { ...current, status: 'completed', rawStatus: 'COMPLETED', ...(scores ? { scores } : {}) };
    this.evaluations.set(id, finalized);
    return finalized;
  }

  async pushSamples(id: string, samples: PrimeSample[]): Promise<void> {
    this.calls.push({ method: 'pushSamples', args: [id, samples] });
    const plan = this.plans.get(id)!;
    plan.samples = [...(plan.samples ?? []), ...samples];
  }

  async waitForCompletion(id: string, options: WaitOptions = {}): Promise<Evaluation> {
    this.calls.push({ method: 'waitForCompletion', args: [id, options] });
    const hook = this.onWait;
    this.onWait = undefined;
    hook?.();
    this.failNext('waitForCompletion');
    let last: Evaluation | undefined;
    for (;;) {
      if (options.signal?.aborted) throw new AbortError('aborted');
      if (options.deadline !== undefined && this.clock.now() >= options.deadline) {
        throw new TimeoutError('deadline passed', { provider: this.provider });
      }
      const evaluation = this.advance(id);
      if (!last || last.status !== evaluation.status || last.progress?.completed !== evaluation.progress?.completed) {
        options.onProgress?.(evaluation);
      }
      last = evaluation;
      if (isTerminal(evaluation.status)) return evaluation;
      await this.clock.sleep(options.initialIntervalMs ?? 2000, options.signal);
    }
  }
}

function scoresOf(samples: PrimeSample[]): Scores | undefined {
  const values = samples.map((sample) => sample.score).filter((score): score is number => typeof score === 'number');
  if (values.length === 0) return undefined;
  return {
    avg: values.reduce((sum, value) => sum + value, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
  };
}
