/** The emulator's in-memory records, per provider, in creation order (lists show them newest first). Each provider folder declares its record types and collection keys. */
import type { Simulation } from './lifecycle.js';

/** What every simulated evaluation has, whatever the provider calls it. */
export interface SimulatedRecord {
  id: string;
  /** Creation order within its provider; feeds the seeded scores. */
  ordinal: number;
  sim: Simulation;
  /** Per-sample scores: simulated ones, or (Prime non-hosted) the pushed ones. */
  scores: number[];
}

/** A keyed collection that remembers insertion order. */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private ordered: T[] = [];

  add(item: T): T {
    this.byId.set(item.id, item);
    this.ordered.push(item);
    return item;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  remove(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.ordered = this.ordered.filter((item) => item.id !== id);
    return true;
  }

  get size(): number {
    return this.ordered.length;
  }

  oldestFirst(): readonly T[] {
    return this.ordered;
  }

  newestFirst(): T[] {
    return [...this.ordered].reverse();
  }
}

/** Names one collection and the type of its items; each provider folder declares its own. */
export interface CollectionKey<T extends { id: string }> {
  readonly name: string;
  /** Type-level only. */
  readonly item?: T;
}

export function collectionKey<T extends { id: string }>(name: string): CollectionKey<T> {
  return { name };
}

/** Every provider's collections; a new one is made on first use, so adding a provider touches nothing here. */
export class Store {
  private readonly collections = new Map<string, Collection<{ id: string }>>();

  of<T extends { id: string }>(key: CollectionKey<T>): Collection<T> {
    let collection = this.collections.get(key.name);
    if (!collection) {
      collection = new Collection<T>();
      this.collections.set(key.name, collection);
    }
    return collection as unknown as Collection<T>;
  }
}
