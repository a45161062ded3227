import type { Evaluation, Page, ProviderName } from '../domain/evaluation.js';
import type { EvalClient, ListOptions, ListPageOptions, ProviderCapabilities, RequestOptions, WaitOptions } from '../domain/client.js';
import type { CreateEvaluationRequest, PrimeSample } from '../domain/requests.js';
import { ConfigurationError } from '../errors.js';
import { paginate } from '../list.js';
import { waitForCompletion } from '../wait.js';
import type { ProviderContext } from './provider-context.js';

/** What the three provider clients share: listing by pages and waiting. */
export abstract class BaseEvalClient implements EvalClient {
  abstract readonly provider: ProviderName;
  abstract readonly capabilities: ProviderCapabilities;
  readonly baseUrl: string;

  constructor(protected readonly context: ProviderContext) {
    this.baseUrl = context.baseUrl;
  }

  abstract create(request: CreateEvaluationRequest, options?: RequestOptions): Promise<Evaluation>;
  abstract get(id: string, options?: RequestOptions): Promise<Evaluation>;
  abstract listPage(options?: ListPageOptions): Promise<Page<Evaluation>>;
  abstract cancel(id: string, options?: RequestOptions): Promise<Evaluation>;
  abstract finalize(id: string, options?: RequestOptions): Promise<Evaluation>;
  abstract pushSamples(id: string, samples: PrimeSample[], options?: RequestOptions & { batchSize?: number }): Promise<void>;

  list(options: ListOptions = {}): AsyncIterable<Evaluation> {
    return paginate(
      (pageOptions) => this.listPage(pageOptions),
      options,
      (limit) => this.context.logger?.warn(`Stopped listing ${this.provider} evaluations after ${limit}`),
    );
  }

  waitForCompletion(id: string, options: WaitOptions = {}): Promise<Evaluation> {
    return waitForCompletion(
      {
        provider: this.provider,
        get: (evaluationId, requestOptions) => this.get(evaluationId, requestOptions),
        now: this.context.now,
        sleep: this.context.sleep,
        timeoutMs: this.context.timeoutMs,
      },
      id,
      options,
    );
  }

  /** Rejects a request meant for another provider with a message that says which one it is for. */
  protected expectRequest<P extends CreateEvaluationRequest['provider']>(
    request: CreateEvaluationRequest,
    provider: P,
  ): Extract<CreateEvaluationRequest, { provider: P }> {
    if (request?.provider !== provider) {
      throw new ConfigurationError(
        `create() on the ${this.provider} client needs a request with provider: '${provider}'; got provider: '${String(request?.provider)}'`,
      );
    }
    return request as Extract<CreateEvaluationRequest, { provider: P }>;
  }
}
