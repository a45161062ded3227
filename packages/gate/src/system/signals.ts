// The runner sends SIGINT (then SIGTERM) when a workflow is cancelled or the job times out.

export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/** Aborts `controller` on the first SIGINT/SIGTERM; later signals are ignored while cleanup runs. Returns an uninstaller. */
export function abortOnTermination(source: SignalSource, controller: AbortController, log: (message: string) => void): () => void {
  const listener = (signal: 'SIGINT' | 'SIGTERM') => () => {
    if (controller.signal.aborted) return;
    log(`Received ${signal}: cancelling the evaluation and completing the check as cancelled.`);
    controller.abort(new Error(`${signal} received`));
  };
  const onInt = listener('SIGINT');
  const onTerm = listener('SIGTERM');
  source.on('SIGINT', onInt);
  source.on('SIGTERM', onTerm);
  return () => {
    source.off('SIGINT', onInt);
    source.off('SIGTERM', onTerm);
  };
}
