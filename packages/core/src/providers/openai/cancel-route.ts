import { APIError, NotFoundError } from '../../errors.js';
import { path } from '../../http/path.js';

/**
 * Where a run is cancelled (QUIRKS OPENAI-1): current SDKs and the published curl use `…/runs/{run_id}/cancel`,
 * the spec's path key and older SDKs the bare `…/runs/{run_id}`. Both readings are routable, so neither can be
 * ruled out for a given server.
 */
export type CancelRoute = 'cancel-suffix' | 'bare';

export function cancelPath(route: CancelRoute, evalId: string, runId: string): string {
  return route === 'cancel-suffix' ? path`/evals/${evalId}/runs/${runId}/cancel` : path`/evals/${evalId}/runs/${runId}`;
}

/** 404 or 405: this server does not route the path (or the run is gone, which the other path will say again). */
function routeMissing(error: unknown): boolean {
  return error instanceof NotFoundError || (error instanceof APIError && error.status === 405);
}

/**
 * Sends a cancel on the route that worked last (first `/cancel`); on 404/405 tries the other route once and, if
 * that one answers, keeps it for later cancels of the same client. One extra request at most per cancel.
 */
export class CancelRouter {
  private preferred: CancelRoute = 'cancel-suffix';

  async send<T>(evalId: string, runId: string, post: (path: string) => Promise<T>): Promise<T> {
    const first = this.preferred;
    try {
      return await post(cancelPath(first, evalId, runId));
    } catch (error) {
      if (!routeMissing(error)) throw error;
    }
    const other: CancelRoute = first === 'cancel-suffix' ? 'bare' : 'cancel-suffix';
    const result = await post(cancelPath(other, evalId, runId));
    this.preferred = other;
    return result;
  }
}
