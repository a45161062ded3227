import { randomBytes } from 'node:crypto';
import { isTerminal, type Evaluation } from '@evalgate/core';
import * as vscode from 'vscode';
import type { DetailsViewSnapshot, ItemRef } from '../api.js';
import { openReportUrl } from '../commands/open-report.js';
import { connectionTitle } from '../logic/connection.js';
import { detailsHtml, type SamplesState } from '../logic/details/details-html.js';
import { StatusTimeline } from '../logic/details/status-timeline.js';
import { parseWebviewMessage } from '../logic/details/webview-messages.js';
import type { Session } from '../vscode/session.js';

/** Most samples read for one view: enough for the histogram and the lowest rows, bounded for a huge run. */
const MAX_SAMPLES = 1000;

/**
 * One evaluation's details tab. It redraws when the store reports a change to that evaluation (the extension's own
 * poller keeps it fresh; the tab adds no timer) and reads the samples again when the status or progress moved,
 * one request at a time.
 */
export class DetailsPanel implements vscode.Disposable {
  readonly ref: Required<Pick<ItemRef, 'connectionId' | 'evaluationId'>>;
  private readonly timeline = new StatusTimeline();
  private evaluation: Evaluation;
  private samples: SamplesState = { kind: 'loading' };
  private samplesFor: string | undefined;
  private fetching = false;
  private revision = 0;
  private rendered: DetailsViewSnapshot['rendered'];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: Session,
    private readonly panel: vscode.WebviewPanel,
    ref: { connectionId: string; evaluationId: string },
    evaluation: Evaluation,
    private readonly onRendered: (snapshot: DetailsViewSnapshot) => void,
  ) {
    this.ref = ref;
    this.evaluation = evaluation;
    this.disposables.push(panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    this.timeline.record(evaluation.status, evaluation.rawStatus, Date.now());
    this.render();
    this.refreshSamples();
  }

  get onDidDispose(): vscode.Event<void> {
    return this.panel.onDidDispose;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The store changed: take this evaluation's latest state, if it is still listed. */
  update(): void {
    const latest = this.session.store.findEvaluation(this.ref.connectionId, this.ref.evaluationId);
    if (!latest || latest === this.evaluation) return;
    this.evaluation = latest;
    this.timeline.record(latest.status, latest.rawStatus, Date.now());
    this.render();
    this.refreshSamples();
  }

  snapshot(): DetailsViewSnapshot {
    return {
      connectionId: this.ref.connectionId,
      evaluationId: this.ref.evaluationId,
      status: this.evaluation.status,
      revision: this.revision,
      samples: this.samples.kind,
      sampleCount: this.samples.kind === 'loaded' ? this.samples.list.samples.length : 0,
      timeline: this.timeline.entries().map((change) => change.rawStatus),
      ...(this.rendered ? { rendered: this.rendered } : {}),
    };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }

  private render(): void {
    this.revision += 1;
    this.panel.title = this.evaluation.name;
    const connection = this.session.store.connection(this.ref.connectionId)?.connection;
    this.panel.webview.html = detailsHtml(
      {
        connectionTitle: connection ? connectionTitle(connection) : this.ref.connectionId,
        evaluation: this.evaluation,
        timeline: this.timeline.entries(),
        samples: this.samples,
        revision: this.revision,
        now: Date.now(),
      },
      { nonce: randomBytes(18).toString('base64') },
    );
  }

  /** What the samples depend on: a new status or more finished samples means new rows. */
  private samplesKey(): string {
    const { status, progress, scores } = this.evaluation;
    return JSON.stringify([status, progress?.completed, progress?.fraction, scores?.count]);
  }

  private refreshSamples(): void {
    if (this.fetching) return;
    const key = this.samplesKey();
    if (key === this.samplesFor) return;
    const client = this.session.store.clientFor(this.ref.connectionId);
    if (!client?.listSamples) {
      this.samplesFor = key;
      this.samples = client ? { kind: 'unsupported' } : { kind: 'failed', message: 'no API key is set for this connection' };
      this.render();
      return;
    }
    const listSamples = client.listSamples.bind(client);
    this.fetching = true;
    this.samplesFor = key;
    void this.session.store.inFlight
      .track(() => listSamples(this.ref.evaluationId, { maxSamples: MAX_SAMPLES, maxRetries: 1 }))
      .then(
        (list) => {
          this.samples = { kind: 'loaded', list };
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          this.session.log.warn(`Loading the samples of ${this.ref.evaluationId} failed: ${message}`);
          // Keep showing what was read before; say it failed only when there is nothing.
          if (this.samples.kind !== 'loaded') this.samples = { kind: 'failed', message };
          if (!isTerminal(this.evaluation.status)) this.samplesFor = undefined;
        },
      )
      .finally(() => {
        this.fetching = false;
        this.render();
        // The evaluation moved on while the samples were read: read them once more.
        if (this.samplesKey() !== this.samplesFor && this.samplesFor !== undefined) this.refreshSamples();
      });
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    if (message.type === 'openReport') {
      if (this.evaluation.reportUrl) void openReportUrl(this.session, this.evaluation.name, this.evaluation.reportUrl);
      return;
    }
    this.rendered = { revision: message.revision, sampleIds: message.sampleIds, histogramBars: message.histogramBars };
    this.onRendered(this.snapshot());
  }
}
