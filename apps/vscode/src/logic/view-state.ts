import type { ViewState } from '../api.js';
import type { EvaluationStore } from './store.js';

/** Which welcome view shows; the tree has rows only in `ready`. Call after the top lists were loaded. */
export function computeViewState(store: Pick<EvaluationStore, 'connections' | 'topList'>, connectionsInvalid: boolean): ViewState {
  const connections = store.connections();
  if (connections.length === 0) return connectionsInvalid ? 'badSettings' : 'noConnection';
  const keyed = connections.filter((state) => state.hasApiKey);
  if (keyed.length === 0) return 'noApiKey';
  const allUnreachable = keyed.every((state) => {
    const list = store.topList(state.connection.id);
    return list?.status === 'failed' && list.failure?.kind === 'unreachable';
  });
  return allUnreachable ? 'unreachable' : 'ready';
}
