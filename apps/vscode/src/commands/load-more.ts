import { toItemRef } from '../logic/item-ref.js';
import type { Session } from '../vscode/session.js';

/** `evalgate.loadMore(item)`: the "Load more…" row fetches the next page of its list. */
export function loadMoreCommand(session: Session) {
  return async (item?: unknown): Promise<void> => {
    const ref = toItemRef(item);
    if (!ref) return;
    // Failures reach the user through the store's failure event (notification + log).
    await session.store.loadMore({ connectionId: ref.connectionId, ...(ref.groupId !== undefined ? { groupId: ref.groupId } : {}) });
  };
}
