import { randomBytes } from 'node:crypto';
import type { Evaluation, SampleList } from '@evalgate/core';
import * as vscode from 'vscode';
import type { CompareViewSnapshot } from '../api.js';
import { compareEvaluations, type Comparison } from '../logic/compare/compare-evaluations.js';
import { compareHtml } from '../logic/compare/compare-html.js';
import { connectionTitle } from '../logic/connection.js';
import { parseWebviewMessage } from '../logic/details/webview-messages.js';
import type { Session } from '../vscode/session.js';

const MAX_SAMPLES = 1000;

export interface CompareSide {
  connectionId: string;
  evaluation: Evaluation;
}

/** A tab comparing two evaluations: reads both sample lists once, one after the other, then draws the deltas. */
export class ComparePanel {
  private comparison: Comparison | undefined;
  private problem: string | undefined;
  private revision = 0;
  private rendered: CompareViewSnapshot['rendered'];

  constructor(
    private readonly session: Session,
    private readonly panel: vscode.WebviewPanel,
    private readonly before: CompareSide,
    private readonly after: CompareSide,
    private readonly onRendered: (snapshot: CompareViewSnapshot) => void,
  ) {
    panel.webview.onDidReceiveMessage((message: unknown) => {
      const parsed = parseWebviewMessage(message);
      if (parsed?.type !== 'rendered') return;
      this.rendered = { revision: parsed.revision, changedSampleIds: parsed.sampleIds };
      this.onRendered(this.snapshot());
    });
    this.render();
    void this.load();
  }

  snapshot(): CompareViewSnapshot {
    return {
      beforeId: this.before.evaluation.id,
      afterId: this.after.evaluation.id,
      revision: this.revision,
      loaded: this.comparison !== undefined,
      ...(this.comparison ? { avgDelta: this.comparison.avg.delta, matched: this.comparison.matched } : {}),
      ...(this.rendered ? { rendered: this.rendered } : {}),
    };
  }

  private async load(): Promise<void> {
    const problems: string[] = [];
    const read = async (side: CompareSide): Promise<SampleList> => {
      const client = this.session.store.clientFor(side.connectionId);
      if (!client?.listSamples) {
        problems.push(`${side.evaluation.name}: no per-sample results from this provider`);
        return { samples: [], truncated: false };
      }
      const listSamples = client.listSamples.bind(client);
      try {
        return await this.session.store.inFlight.track(() => listSamples(side.evaluation.id, { maxSamples: MAX_SAMPLES, maxRetries: 1 }));
      } catch (error) {
        problems.push(`${side.evaluation.name}: ${error instanceof Error ? error.message : String(error)}`);
        return { samples: [], truncated: false };
      }
    };
    const beforeSamples = await read(this.before);
    const afterSamples = await read(this.after);
    this.comparison = compareEvaluations(
      { ...(this.before.evaluation.scores ? { scores: this.before.evaluation.scores } : {}), samples: beforeSamples.samples },
      { ...(this.after.evaluation.scores ? { scores: this.after.evaluation.scores } : {}), samples: afterSamples.samples },
    );
    this.problem = problems.length > 0 ? `Samples not read: ${problems.join('; ')}.` : undefined;
    this.render();
  }

  private render(): void {
    this.revision += 1;
    const title = (side: CompareSide) => {
      const connection = this.session.store.connection(side.connectionId)?.connection;
      return connection ? connectionTitle(connection) : side.connectionId;
    };
    this.panel.webview.html = compareHtml(
      {
        before: { evaluation: this.before.evaluation, connectionTitle: title(this.before) },
        after: { evaluation: this.after.evaluation, connectionTitle: title(this.after) },
        comparison: this.comparison,
        ...(this.problem ? { problem: this.problem } : {}),
        revision: this.revision,
      },
      { nonce: randomBytes(18).toString('base64') },
    );
  }
}
