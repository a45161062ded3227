/** Names one list of the tree: a connection's top level, or (OpenAI) the runs of one eval. */
export interface ListRef {
  connectionId: string;
  groupId?: string;
}

export function listKey(ref: ListRef): string {
  return ref.groupId === undefined ? ref.connectionId : `${ref.connectionId}\u0000${ref.groupId}`;
}
