import { isTerminal, NotFoundError, type EvalClient, type Evaluation, type EvaluationGroup, type EvaluationStatus, type Page } from '@evalgate/core';
import type { Connection } from './connection.js';
import { Emitter } from './emitter.js';
import { toLoadFailure, type LoadFailure } from './error-kind.js';
import { InFlightTracker } from './in-flight.js';
import { connectionOfListKey, listKey, type ListRef } from './list-ref.js';
import { providerEntry } from './providers/registry.js';

export interface ListState<T> {
  items: T[];
  nextCursor?: string;
  total?: number;
  /** `loaded` once a page arrived; `failed` when the first page could not be loaded. */
  status: 'loading' | 'loaded' | 'failed';
  /** A "load more" request is in flight. */
  loadingMore: boolean;
  /** Pages loaded so far (a refresh reloads as many). */
  pages?: number;
  failure?: LoadFailure;
}

export interface ConnectionState {
  connection: Connection;
  hasApiKey: boolean;
  /** A key is stored under this id but for another endpoint: it is not sent until the user says so. */
  keyWithheld?: { storedFor?: string };
  /** OpenAI: the connection lists evals (groups) whose children are runs. */
  grouped: boolean;
}

export interface ConnectionInput {
  connection: Connection;
  apiKey?: string;
  /** Set when a stored key was withheld (see key-binding.ts); `storedFor` is the base URL it was entered for. */
  keyWithheld?: { storedFor?: string };
}

export type ClientFactory = (connection: Connection, apiKey: string) => EvalClient;

export interface FinishedEvent {
  connection: Connection;
  evaluation: Evaluation;
}

export interface FailureEvent {
  /** `load`: a list request the user waits for; `poll`: background polling (the poller backs off). */
  source: 'load' | 'poll';
  /** What was being done, for the notification: e.g. "Loading evaluations of prime · 127.0.0.1:4010". */
  action: string;
  connection: Connection;
  failure: LoadFailure;
}

export interface PollRoundResult {
  polled: number;
  /** Non-terminal evaluations left after the round. */
  pending: number;
}

export interface StoreOptions {
  createClient: ClientFactory;
  /** Items per list request (providers cap it at 100). */
  pageSize?: number;
  /** Most evaluations fetched per poll round; the least recently polled go first. */
  pollBatchSize?: number;
}

interface ConnectionEntry {
  state: ConnectionState;
  client?: EvalClient;
  apiKey?: string;
}

/** Connections → evaluations (OpenAI: evals → runs), loaded page by page, updated by polls and cancels. */
export class EvaluationStore {
  readonly inFlight = new InFlightTracker();
  private readonly changed = new Emitter<void>();
  private readonly finished = new Emitter<FinishedEvent>();
  private readonly failed = new Emitter<FailureEvent>();
  readonly onDidChange = this.changed.event;
  /** A polled evaluation went from non-terminal to terminal. */
  readonly onDidFinish = this.finished.event;
  /** A load or poll failed; polls report too, callers decide what to show. */
  readonly onDidFail = this.failed.event;

  private readonly pageSize: number;
  private readonly pollBatchSize: number;
  private entries = new Map<string, ConnectionEntry>();
  private readonly evaluationLists = new Map<string, ListState<Evaluation>>();
  private readonly groupLists = new Map<string, ListState<EvaluationGroup>>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly lastPolledRound = new Map<string, number>();
  private pollRoundNumber = 0;
  /** Bumped by refresh: answers to requests sent before it are dropped. */
  private generation = 0;
  private filter: ReadonlySet<EvaluationStatus> | undefined;
  private readonly detailed = new Set<string>();
  private readonly detailsQueue: Array<{ connectionId: string; entry: ConnectionEntry; evaluationId: string; generation: number }> = [];
  private detailsDraining = false;
  private readonly pagesToRestore = new Map<string, number>();
  /** Connections whose last background request failed (cleared by the next success). */
  private readonly outages = new Map<string, LoadFailure>();

  constructor(private readonly options: StoreOptions) {
    this.pageSize = options.pageSize ?? 50;
    this.pollBatchSize = options.pollBatchSize ?? 25;
  }

  /** Replaces the connections; lists of connections whose endpoint or key did not change are kept. */
  setConnections(inputs: readonly ConnectionInput[]): void {
    const next = new Map<string, ConnectionEntry>();
    for (const { connection, apiKey, keyWithheld } of inputs) {
      const previous = this.entries.get(connection.id);
      const key = apiKey === '' ? undefined : apiKey;
      const unchanged =
        previous !== undefined &&
        previous.apiKey === key &&
        previous.state.connection.provider === connection.provider &&
        previous.state.connection.baseUrl === connection.baseUrl;
      if (unchanged) {
        // Same object: answers to its requests in flight still belong to it.
        const withheld = key === undefined && keyWithheld ? { keyWithheld } : {};
        previous.state = { connection, hasApiKey: previous.state.hasApiKey, grouped: previous.state.grouped, ...withheld };
        next.set(connection.id, previous);
        continue;
      }
      this.dropLists(connection.id);
      const client = key === undefined ? undefined : this.options.createClient(connection, key);
      next.set(connection.id, {
        state: {
          connection,
          hasApiKey: key !== undefined,
          ...(key === undefined && keyWithheld ? { keyWithheld } : {}),
          grouped: client ? typeof client.listGroups === 'function' : providerEntry(connection.provider).capabilities.groups,
        },
        ...(client ? { client } : {}),
        ...(key !== undefined ? { apiKey: key } : {}),
      });
    }
    for (const id of this.entries.keys()) if (!next.has(id)) this.dropLists(id);
    this.entries = next;
    this.changed.fire();
  }

  connections(): ConnectionState[] {
    return [...this.entries.values()].map((entry) => entry.state);
  }

  connection(connectionId: string): ConnectionState | undefined {
    return this.entries.get(connectionId)?.state;
  }

  /** The evaluations of a flat connection (`{connectionId}`) or of one OpenAI eval (`{connectionId, groupId}`). */
  evaluations(ref: ListRef): ListState<Evaluation> | undefined {
    return this.evaluationLists.get(listKey(ref));
  }

  /** OpenAI: the evals of a connection. */
  groups(connectionId: string): ListState<EvaluationGroup> | undefined {
    return this.groupLists.get(connectionId);
  }

  /** The client of a connection that has an API key (for reads the store does not keep, e.g. samples). */
  clientFor(connectionId: string): EvalClient | undefined {
    return this.entries.get(connectionId)?.client;
  }

  /** The top-level list state of a connection, whichever kind it is. */
  topList(connectionId: string): ListState<unknown> | undefined {
    return this.listState({ connectionId });
  }

  /** Why the last background request (poll, new-evaluation check) of this connection failed, while it does. */
  outage(connectionId: string): LoadFailure | undefined {
    return this.outages.get(connectionId);
  }

  /** Whether any list is loaded (then new evaluations are worth looking for). */
  hasLoadedLists(): boolean {
    return [...this.evaluationLists.values(), ...this.groupLists.values()].some((list) => list.status === 'loaded');
  }

  /**
   * Re-reads the first page of every loaded list and puts what appeared since at the top (rows already shown keep
   * their details). A failure marks that connection's outage (shown on its row) and is thrown after the other
   * connections were checked, so the poller backs off; the next success clears it.
   */
  async refreshHeads(): Promise<void> {
    const generation = this.generation;
    // Boxed: a connection may throw anything, even undefined, and the first one is rethrown as is.
    let firstFailure: { error: unknown } | undefined;
    let changed = false;
    for (const entry of [...this.entries.values()]) {
      const client = entry.client;
      if (!client) continue;
      const connectionId = entry.state.connection.id;
      const refs: Array<{ ref: ListRef; grouped: boolean }> = [];
      if (entry.state.grouped) {
        if (this.groupLists.get(connectionId)?.status === 'loaded') refs.push({ ref: { connectionId }, grouped: true });
        for (const [key, list] of this.evaluationLists) {
          if (list.status !== 'loaded' || !belongsTo(key, connectionId) || key === connectionId) continue;
          refs.push({ ref: { connectionId, groupId: key.slice(connectionId.length + 1) }, grouped: false });
        }
      } else if (this.evaluationLists.get(connectionId)?.status === 'loaded') {
        refs.push({ ref: { connectionId }, grouped: false });
      }
      try {
        for (const { ref, grouped } of refs) {
          const page = await this.inFlight.track(() =>
            grouped && client.listGroups
              ? client.listGroups({ pageSize: this.pageSize, maxRetries: 0 })
              : client.listPage({ pageSize: this.pageSize, maxRetries: 0, ...(ref.groupId !== undefined ? { evalId: ref.groupId } : {}) }),
          );
          if (this.isStale(generation, connectionId, entry)) return;
          const list = (grouped ? this.groupLists.get(connectionId) : this.evaluationLists.get(listKey(ref))) as ListState<{ id: string }> | undefined;
          if (!list) continue;
          const known = new Set(list.items.map((item) => item.id));
          const added = page.items.filter((item) => !known.has(item.id));
          if (added.length === 0) continue;
          list.items = [...added, ...list.items];
          if (list.total !== undefined && page.total !== undefined) list.total = page.total;
          changed = true;
          if (grouped)
            this.queueGroupRuns(
              connectionId,
              entry,
              generation,
              added.map((group) => group.id),
            );
          else this.queueDetails(connectionId, entry, added as Evaluation[]);
        }
        if (this.outages.delete(connectionId)) changed = true;
      } catch (error) {
        if (this.isStale(generation, connectionId, entry)) return;
        const failure = toLoadFailure(error);
        this.outages.set(connectionId, failure);
        changed = true;
        this.failed.fire({ source: 'poll', action: 'Checking for new evaluations', connection: entry.state.connection, failure });
        firstFailure ??= { error };
      }
    }
    if (changed) this.changed.fire();
    if (firstFailure !== undefined) throw firstFailure.error;
  }

  statusFilter(): ReadonlySet<EvaluationStatus> | undefined {
    return this.filter;
  }

  /** Shows only these statuses; empty or undefined shows all. */
  setStatusFilter(statuses: Iterable<EvaluationStatus> | undefined): void {
    const set = statuses === undefined ? undefined : new Set(statuses);
    this.filter = set === undefined || set.size === 0 ? undefined : set;
    this.changed.fire();
  }

  /** Loads the first page of a list unless it is loaded, failed (refresh retries) or loading (waits for it). */
  async ensureLoaded(ref: ListRef, options: { background?: boolean } = {}): Promise<void> {
    const key = listKey(ref);
    const pending = this.pending.get(key);
    if (pending) return pending;
    if (this.listState(ref) !== undefined) return;
    return this.load(ref, 'first', options.background === true);
  }

  /** Loads the first page of every connection that has an API key. */
  async ensureTopListsLoaded(): Promise<void> {
    await Promise.all(
      this.connections()
        .filter((state) => state.hasApiKey)
        .map((state) => this.ensureLoaded({ connectionId: state.connection.id })),
    );
  }

  /** Appends the next page, if there is one and none is loading. */
  async loadMore(ref: ListRef): Promise<void> {
    const key = listKey(ref);
    const pending = this.pending.get(key);
    if (pending) return pending;
    const list = this.listState(ref);
    if (list === undefined) return this.load(ref, 'first');
    if (list.nextCursor === undefined) return;
    return this.load(ref, 'more');
  }

  /** Forgets every list (they reload when the tree asks) and drops answers to requests already sent. */
  refresh(): void {
    this.generation += 1;
    // What the user paged in with "Load more" comes back: the lists reload as many pages as they had.
    for (const [key, list] of [...this.evaluationLists, ...this.groupLists] as Array<[string, ListState<unknown>]>) {
      if ((list.pages ?? 1) > 1) this.pagesToRestore.set(key, list.pages ?? 1);
    }
    this.evaluationLists.clear();
    this.groupLists.clear();
    this.pending.clear();
    this.lastPolledRound.clear();
    this.detailed.clear();
    this.detailsQueue.length = 0;
    this.changed.fire();
  }

  findEvaluation(connectionId: string, evaluationId: string): Evaluation | undefined {
    for (const [key, list] of this.evaluationLists) {
      if (!belongsTo(key, connectionId)) continue;
      const found = list.items.find((evaluation) => evaluation.id === evaluationId);
      if (found) return found;
    }
    return undefined;
  }

  /** Every loaded evaluation once, with its connection. */
  allEvaluations(): Array<{ connectionId: string; evaluation: Evaluation }> {
    const seen = new Map<string, { connectionId: string; evaluation: Evaluation }>();
    for (const [key, list] of this.evaluationLists) {
      const connectionId = connectionOfListKey(key);
      for (const evaluation of list.items) seen.set(evaluationKey(connectionId, evaluation.id), { connectionId, evaluation });
    }
    return [...seen.values()];
  }

  nonTerminalCount(): number {
    return this.allEvaluations().filter(({ evaluation }) => !isTerminal(evaluation.status)).length;
  }

  /** Cancels at the provider and shows the answer at once. Errors propagate to the caller. */
  async cancel(connectionId: string, evaluationId: string): Promise<Evaluation> {
    const entry = this.entries.get(connectionId);
    if (!entry?.client) throw new Error(`No API key is set for ${connectionId}; run "evalgate: Set API Key" first.`);
    const client = entry.client;
    const evaluation = await this.inFlight.track(() => client.cancel(evaluationId));
    this.apply(connectionId, evaluation);
    this.changed.fire();
    return evaluation;
  }

  /** Reads one evaluation again and shows it (e.g. after a cancel lost the race with its end). */
  async refreshEvaluation(connectionId: string, evaluationId: string): Promise<Evaluation> {
    const entry = this.entries.get(connectionId);
    if (!entry?.client) throw new Error(`No API key is set for ${connectionId}; run "evalgate: Set API Key" first.`);
    const client = entry.client;
    const evaluation = await this.inFlight.track(() => client.get(evaluationId));
    if (this.apply(connectionId, evaluation)) this.changed.fire();
    return evaluation;
  }

  /**
   * Fetches up to `pollBatchSize` non-terminal evaluations, one request at a time, the least recently polled first.
   * Throws the first failure (after applying what arrived) so the poller can back off; a 404 drops the row.
   */
  async pollRound(): Promise<PollRoundResult> {
    this.pollRoundNumber += 1;
    const generation = this.generation;
    const candidates = this.allEvaluations()
      .filter(({ evaluation }) => !isTerminal(evaluation.status))
      .map((candidate) => ({ ...candidate, key: evaluationKey(candidate.connectionId, candidate.evaluation.id) }))
      .sort((a, b) => (this.lastPolledRound.get(a.key) ?? -1) - (this.lastPolledRound.get(b.key) ?? -1))
      .slice(0, this.pollBatchSize);
    let polled = 0;
    let changed = false;
    let current: Connection | undefined;
    try {
      for (const candidate of candidates) {
        const entry = this.entries.get(candidate.connectionId);
        if (!entry?.client) continue;
        current = entry.state.connection;
        const client = entry.client;
        this.lastPolledRound.set(candidate.key, this.pollRoundNumber);
        let latest: Evaluation;
        try {
          // The poller owns backoff, so the client must not retry behind its back.
          latest = await this.inFlight.track(() => client.get(candidate.evaluation.id, { maxRetries: 0 }));
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          if (generation !== this.generation) break;
          this.remove(candidate.connectionId, candidate.evaluation.id);
          changed = true;
          continue;
        }
        polled += 1;
        if (generation !== this.generation) break;
        if (this.outages.delete(candidate.connectionId)) changed = true;
        const previous = this.findEvaluation(candidate.connectionId, latest.id);
        if (this.apply(candidate.connectionId, latest)) changed = true;
        if (previous && !isTerminal(previous.status) && isTerminal(latest.status)) {
          this.finished.fire({ connection: entry.state.connection, evaluation: latest });
        }
      }
    } catch (error) {
      if (current) {
        const failure = toLoadFailure(error);
        if (generation === this.generation) {
          this.outages.set(current.id, failure);
          changed = true;
        }
        this.failed.fire({ source: 'poll', action: 'Polling evaluations', connection: current, failure });
      }
      throw error;
    } finally {
      if (changed) this.changed.fire();
    }
    return { polled, pending: this.nonTerminalCount() };
  }

  private listState(ref: ListRef): ListState<unknown> | undefined {
    const grouped = ref.groupId === undefined && this.entries.get(ref.connectionId)?.state.grouped;
    return grouped ? this.groupLists.get(ref.connectionId) : this.evaluationLists.get(listKey(ref));
  }

  /** `background`: nobody is waiting for this list, so a failure is reported as a poll's (logged, no notification). */
  private load(ref: ListRef, mode: 'first' | 'more', background = false): Promise<void> {
    const entry = this.entries.get(ref.connectionId);
    if (!entry?.client) return Promise.resolve();
    const client = entry.client;
    const key = listKey(ref);
    const grouped = ref.groupId === undefined && entry.state.grouped;
    const lists: Map<string, ListState<unknown>> = grouped ? this.groupLists : this.evaluationLists;
    const generation = this.generation;
    const existing = lists.get(key);
    const cursor = mode === 'more' ? existing?.nextCursor : undefined;
    if (mode === 'more' && existing) {
      existing.loadingMore = true;
      this.changed.fire();
    }
    const fetchPage = async (from: string | undefined): Promise<Page<{ id: string }>> => {
      const options = { pageSize: this.pageSize, ...(from !== undefined ? { cursor: from } : {}) };
      if (grouped && client.listGroups) return client.listGroups(options);
      return client.listPage({ ...options, ...(ref.groupId !== undefined ? { evalId: ref.groupId } : {}) });
    };
    // After a refresh, a list the user had paged with "Load more" reloads as many pages, published at once.
    const pagesWanted = mode === 'first' ? (this.pagesToRestore.get(key) ?? 1) : 1;
    this.pagesToRestore.delete(key);
    let pagesFetched = 0;
    const request = async (): Promise<Page<{ id: string }>> => {
      let page = await fetchPage(cursor);
      pagesFetched = 1;
      while (pagesFetched < pagesWanted && page.nextCursor !== undefined) {
        const next = await fetchPage(page.nextCursor);
        pagesFetched += 1;
        page = { ...next, items: [...page.items, ...next.items] };
      }
      return page;
    };
    const promise = this.inFlight
      .track(request)
      .then(
        (page) => {
          if (this.isStale(generation, ref.connectionId, entry)) return;
          const previous = mode === 'more' ? (lists.get(key)?.items ?? []) : [];
          const known = new Set(previous.map((item) => (item as { id: string }).id));
          const items = [...previous];
          for (const item of page.items) {
            if (known.has(item.id)) continue;
            known.add(item.id);
            items.push(item);
          }
          const pages = (mode === 'more' ? (lists.get(key)?.pages ?? 1) : 0) + pagesFetched;
          lists.set(key, {
            items,
            status: 'loaded',
            loadingMore: false,
            pages,
            ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
            ...(page.total !== undefined ? { total: page.total } : {}),
          });
          if (!grouped) this.queueDetails(ref.connectionId, entry, page.items as Evaluation[]);
          else
            this.queueGroupRuns(
              ref.connectionId,
              entry,
              generation,
              page.items.map((group) => group.id),
            );
        },
        (error: unknown) => {
          if (this.isStale(generation, ref.connectionId, entry)) return;
          const failure = toLoadFailure(error);
          const current = lists.get(key);
          if (mode === 'more' && current) {
            // Keep the rows already shown; the "Load more" row stays to try again.
            lists.set(key, { ...current, loadingMore: false, failure });
          } else {
            lists.set(key, { items: [], status: 'failed', loadingMore: false, failure });
          }
          const what = grouped ? 'evals' : 'evaluations';
          this.failed.fire({ source: background ? 'poll' : 'load', action: `Loading ${what}`, connection: entry.state.connection, failure });
        },
      )
      .finally(() => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
        if (!this.isStale(generation, ref.connectionId, entry)) this.changed.fire();
      });
    this.pending.set(key, promise);
    return promise;
  }

  /**
   * OpenAI runs live under evals the user may never expand; their first pages load in the background, one eval at a
   * time, so the status bar and finish notifications count every running run, not just the expanded ones.
   */
  private queueGroupRuns(connectionId: string, entry: ConnectionEntry, generation: number, groupIds: readonly string[]): void {
    void this.inFlight.track(async () => {
      for (const groupId of groupIds) {
        if (this.isStale(generation, connectionId, entry)) return;
        await this.ensureLoaded({ connectionId, groupId }, { background: true });
        // A server that stopped answering fails every eval alike: leave the rest for a refresh.
        if (this.evaluations({ connectionId, groupId })?.failure?.kind === 'unreachable') return;
      }
    });
  }

  /**
   * Rows whose list form lacks what `get` returns get one `get` each, in the background, one request at a time:
   * OpenAI and Nugen lists carry no scores (nor Nugen a report link), and Nugen lists say PROCESSING for queued and
   * running alike. So a row shows the same whether it was listed or watched until it finished.
   */
  private queueDetails(connectionId: string, entry: ConnectionEntry, items: readonly Evaluation[]): void {
    for (const evaluation of items) {
      const key = evaluationKey(connectionId, evaluation.id);
      if (this.detailed.has(key) || !needsDetails(evaluation)) continue;
      this.detailed.add(key);
      this.detailsQueue.push({ connectionId, entry, evaluationId: evaluation.id, generation: this.generation });
    }
    // Tracked as one unit so `whenIdle` does not see a gap between two of its requests.
    if (!this.detailsDraining && this.detailsQueue.length > 0) void this.inFlight.track(() => this.drainDetails());
  }

  private async drainDetails(): Promise<void> {
    this.detailsDraining = true;
    try {
      for (let next = this.detailsQueue.shift(); next; next = this.detailsQueue.shift()) {
        const { connectionId, entry, evaluationId, generation } = next;
        const client = entry.client;
        if (!client || this.isStale(generation, connectionId, entry)) continue;
        try {
          const latest = await client.get(evaluationId, { maxRetries: 0 });
          if (this.isStale(generation, connectionId, entry)) continue;
          if (this.apply(connectionId, latest)) this.changed.fire();
        } catch {
          // The row keeps its list form; polling or a refresh tries again.
          this.detailed.delete(evaluationKey(connectionId, evaluationId));
        }
      }
    } finally {
      this.detailsDraining = false;
    }
  }

  /** An answer is stale after a refresh, or when its connection was removed or re-keyed meanwhile. */
  private isStale(generation: number, connectionId: string, entry: ConnectionEntry): boolean {
    return generation !== this.generation || this.entries.get(connectionId) !== entry;
  }

  /** Replaces an evaluation wherever it is listed; true if anything changed. */
  private apply(connectionId: string, evaluation: Evaluation): boolean {
    let changed = false;
    for (const [key, list] of this.evaluationLists) {
      if (!belongsTo(key, connectionId)) continue;
      const index = list.items.findIndex((item) => item.id === evaluation.id);
      if (index === -1) continue;
      list.items[index] = evaluation;
      changed = true;
    }
    return changed;
  }

  private remove(connectionId: string, evaluationId: string): void {
    for (const [key, list] of this.evaluationLists) {
      if (!belongsTo(key, connectionId)) continue;
      list.items = list.items.filter((item) => item.id !== evaluationId);
    }
  }

  private dropLists(connectionId: string): void {
    for (const lists of [this.evaluationLists, this.groupLists] as Array<Map<string, unknown>>) {
      for (const key of [...lists.keys()]) if (belongsTo(key, connectionId)) lists.delete(key);
    }
    for (const key of [...this.pending.keys()]) if (belongsTo(key, connectionId)) this.pending.delete(key);
    this.outages.delete(connectionId);
    // Rows listed again (after a new key, say) need their details again.
    for (const key of [...this.detailed]) if (key.startsWith(evaluationKey(connectionId, ''))) this.detailed.delete(key);
  }
}

/** Whether a listed row lacks what `get` gives (each provider folder says): see `queueDetails`. */
function needsDetails(evaluation: Evaluation): boolean {
  return providerEntry(evaluation.provider).extension.needsDetails(evaluation);
}

function belongsTo(key: string, connectionId: string): boolean {
  return connectionOfListKey(key) === connectionId;
}

function evaluationKey(connectionId: string, evaluationId: string): string {
  return `${connectionId}\u0000${evaluationId}`;
}
