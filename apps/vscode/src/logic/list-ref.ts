/** Names one list of the tree: a connection's top level, or (OpenAI) the runs of one eval. */
export interface ListRef {
  connectionId: string;
  groupId?: string;
}

const SEPARATOR = '\u0000';

export function listKey(ref: ListRef): string {
  return ref.groupId === undefined ? ref.connectionId : `${ref.connectionId}${SEPARATOR}${ref.groupId}`;
}

/** The connection id a `listKey` was made from. */
export function connectionOfListKey(key: string): string {
  const separator = key.indexOf(SEPARATOR);
  return separator === -1 ? key : key.slice(0, separator);
}
