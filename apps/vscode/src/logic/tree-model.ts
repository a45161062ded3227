import type { Evaluation, EvaluationGroup } from '@evalgate/core';
import { isTerminal } from '@evalgate/core';
import { COMMANDS, type ItemRef, type TreeNodeKind, type ViewState } from '../api.js';
import { connectionTitle } from './connection.js';
import { reportUrlProblem } from './endpoint.js';
import { evaluationAccessibilityLabel, evaluationDescription, evaluationTooltipBody } from './evaluation-text.js';
import { evaluationTiming, type RowTiming } from './row-timing.js';
import { codeSpan, escapeMarkdown, formatTimestamp } from './format.js';
import type { ListRef } from './list-ref.js';
import { isRerunnable } from './rerun/rerun-question.js';
import { statusStyle } from './status-style.js';
import type { ConnectionState, EvaluationStore, ListState } from './store.js';

/** Everything VS Code needs to draw one row; the tree element itself. */
export interface TreeNode extends ItemRef {
  kind: TreeNodeKind;
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  label: string;
  description?: string;
  /** Markdown, without the times relative to now (see `timing`). */
  tooltip?: string;
  /** Moments the tooltip tells relative to now, appended when it is shown (row-timing.ts `tooltipAt`). */
  timing?: RowTiming;
  /** What a screen reader says for the row (the status is otherwise only an icon colour). */
  accessibilityLabel?: string;
  contextValue: string;
  icon?: { id: string; colorId?: string };
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; title: string; arguments: unknown[] };
}

export type TreeModelSource = Pick<EvaluationStore, 'connections' | 'connection' | 'evaluations' | 'groups' | 'topList' | 'statusFilter' | 'outage'>;

const OUTAGE_WORDS: Record<string, string> = {
  unreachable: 'unreachable — retrying',
  rateLimited: 'rate limited — retrying',
  auth: 'API key rejected',
  other: 'error — retrying',
};

export function rootNodes(source: TreeModelSource, viewState: ViewState): TreeNode[] {
  if (viewState !== 'ready') return [];
  return source.connections().map((state) => connectionNode(source, state));
}

/** Children of an expandable row, from what is loaded (the adapter loads first). */
export function childNodes(source: TreeModelSource, parent: TreeNode): TreeNode[] {
  const state = source.connection(parent.connectionId);
  if (!state) return [];
  if (parent.kind === 'connection') {
    if (!state.hasApiKey && state.keyWithheld) {
      const where = state.keyWithheld.storedFor ? `entered for ${state.keyWithheld.storedFor}` : 'saved before keys were bound to an address';
      return [
        messageNode(parent.connectionId, undefined, `API key not sent: it was ${where} — click to set one for this address`, {
          error: true,
          icon: { id: 'shield', colorId: 'list.warningForeground' },
          command: { command: COMMANDS.setApiKey, title: 'Set API Key', arguments: [parent.connectionId] },
          tooltip: `${escapeMarkdown(`The stored API key was ${where}, not for ${state.connection.baseUrl}, so it is not sent.`)}\n\nClick to enter a key for this address.`,
        }),
      ];
    }
    if (!state.hasApiKey) {
      return [
        messageNode(parent.connectionId, undefined, 'No API key — click to set one', {
          icon: { id: 'key' },
          command: { command: COMMANDS.setApiKey, title: 'Set API Key', arguments: [parent.connectionId] },
        }),
      ];
    }
    if (state.grouped) return groupRows(source, state);
    return evaluationRows(source, { connectionId: parent.connectionId });
  }
  if (parent.kind === 'group' && parent.groupId !== undefined) {
    return evaluationRows(source, { connectionId: parent.connectionId, groupId: parent.groupId });
  }
  return [];
}

function connectionNode(source: TreeModelSource, state: ConnectionState): TreeNode {
  const { connection } = state;
  const list = source.topList(connection.id);
  const outage = source.outage(connection.id);
  const parts: string[] = [];
  if (connection.label) parts.push(connection.label);
  if (state.keyWithheld) parts.push('API key withheld');
  else if (!state.hasApiKey) parts.push('no API key');
  else if (list?.status === 'failed') parts.push(list.failure?.kind === 'auth' ? 'API key rejected' : 'error');
  else if (outage) parts.push(OUTAGE_WORDS[outage.kind] ?? 'error — retrying');
  else if (list?.status === 'loaded' && !state.grouped) parts.push(countText(list));
  const filter = source.statusFilter();
  if (filter) parts.push(`filter: ${[...filter].map((status) => statusStyle(status).label).join(', ')}`);
  const tooltip = [
    `**${escapeMarkdown(connectionTitle(connection))}**`,
    '',
    `- Provider: ${connection.provider}`,
    `- Base URL: ${escapeMarkdown(connection.baseUrl)}`,
    `- Connection ID: ${codeSpan(connection.id)}`,
    `- API key: ${state.hasApiKey ? 'set (secret storage)' : state.keyWithheld ? 'withheld (entered for another address)' : 'not set'}`,
  ];
  if (list?.failure) tooltip.push(`- Error: ${escapeMarkdown(list.failure.message)}`);
  if (outage) tooltip.push(`- Last update failed: ${escapeMarkdown(outage.message)} (retrying by itself, less often while it fails)`);
  const failed = !state.hasApiKey || list?.status === 'failed' || outage !== undefined;
  return {
    kind: 'connection',
    id: rowId('connection', connection.id),
    connectionId: connection.id,
    label: connectionTitle(connection),
    ...(parts.length > 0 ? { description: parts.join(' · ') } : {}),
    accessibilityLabel: [`${connection.provider} connection at ${connectionTitle(connection).split(' · ')[1]}`, ...parts].join(', '),
    tooltip: tooltip.join('\n'),
    contextValue: `connection removable ${state.hasApiKey ? 'hasApiKey' : 'needsApiKey'}${state.keyWithheld ? ' keyWithheld' : ''}`,
    icon: failed ? { id: 'warning', colorId: 'list.warningForeground' } : { id: 'plug' },
    collapsible: 'expanded',
  };
}

function groupRows(source: TreeModelSource, state: ConnectionState): TreeNode[] {
  const connectionId = state.connection.id;
  const list = source.groups(connectionId);
  if (!list) return [];
  if (list.status === 'failed') return [failureNode(connectionId, undefined, list)];
  const rows = list.items.map((group) => groupNode(source, connectionId, group));
  if (rows.length === 0) rows.push(messageNode(connectionId, undefined, 'No evals yet'));
  return withLoadMore(rows, { connectionId }, list);
}

function groupNode(source: TreeModelSource, connectionId: string, group: EvaluationGroup): TreeNode {
  const runs = source.evaluations({ connectionId, groupId: group.id });
  const tooltip = [`**${escapeMarkdown(group.name)}**`, '', '- OpenAI eval'];
  if (group.createdAt) tooltip.push(`- Created: ${formatTimestamp(group.createdAt)}`);
  tooltip.push(`- ID: ${codeSpan(group.id)}`);
  return {
    kind: 'group',
    id: rowId('group', connectionId, group.id),
    connectionId,
    groupId: group.id,
    label: group.name,
    ...(runs?.status === 'loaded' ? { description: countText(runs, 'runs') } : {}),
    tooltip: tooltip.join('\n'),
    contextValue: 'group copyable',
    icon: { id: 'beaker' },
    collapsible: 'collapsed',
  };
}

function evaluationRows(source: TreeModelSource, ref: ListRef): TreeNode[] {
  const list = source.evaluations(ref);
  if (!list) return [];
  if (list.status === 'failed') return [failureNode(ref.connectionId, ref.groupId, list)];
  const filter = source.statusFilter();
  const visible = filter ? list.items.filter((evaluation) => filter.has(evaluation.status)) : list.items;
  const rows = visible.map((evaluation) => evaluationNode(ref, evaluation));
  if (rows.length === 0) {
    const text = list.items.length === 0 ? 'No evaluations yet' : `No loaded evaluation matches the filter (${list.items.length} loaded)`;
    rows.push(messageNode(ref.connectionId, ref.groupId, text));
  }
  return withLoadMore(rows, ref, list);
}

export function evaluationNode(ref: ListRef, evaluation: Evaluation): TreeNode {
  const timing = evaluationTiming(evaluation);
  const style = statusStyle(evaluation.status);
  const words = ['evaluation'];
  if (evaluation.capabilities.canCancel && !isTerminal(evaluation.status)) words.push('cancelable');
  if (evaluation.reportUrl && !reportUrlProblem(evaluation.reportUrl)) words.push('openable');
  if (isRerunnable(evaluation)) words.push('rerunnable');
  words.push('copyable', `status-${evaluation.status}`);
  return {
    kind: 'evaluation',
    id: rowId('evaluation', ref.connectionId, evaluation.id),
    connectionId: ref.connectionId,
    ...(ref.groupId !== undefined ? { groupId: ref.groupId } : {}),
    evaluationId: evaluation.id,
    label: evaluation.name,
    description: evaluationDescription(evaluation),
    accessibilityLabel: evaluationAccessibilityLabel(evaluation),
    tooltip: evaluationTooltipBody(evaluation),
    ...(timing ? { timing } : {}),
    contextValue: words.join(' '),
    icon: { id: style.iconId, colorId: style.colorId },
    collapsible: 'none',
    command: { command: COMMANDS.openDetails, title: 'Show Details', arguments: [{ connectionId: ref.connectionId, evaluationId: evaluation.id }] },
  };
}

function withLoadMore(rows: TreeNode[], ref: ListRef, list: ListState<unknown>): TreeNode[] {
  if (list.nextCursor === undefined) return rows;
  let description = countText(list);
  if (list.loadingMore) description = 'loading…';
  else if (list.failure) description = `failed: ${list.failure.message} — click to retry`;
  rows.push({
    kind: 'loadMore',
    id: rowId('loadMore', ref.connectionId, ref.groupId),
    connectionId: ref.connectionId,
    ...(ref.groupId !== undefined ? { groupId: ref.groupId } : {}),
    label: 'Load more…',
    description,
    contextValue: 'loadMore',
    icon: { id: list.loadingMore ? 'loading~spin' : 'ellipsis' },
    collapsible: 'none',
    command: { command: COMMANDS.loadMore, title: 'Load More', arguments: [{ ...ref }] },
  });
  return rows;
}

function failureNode(connectionId: string, groupId: string | undefined, list: ListState<unknown>): TreeNode {
  const message = list.failure?.message ?? 'Loading failed';
  return messageNode(connectionId, groupId, message, {
    error: true,
    icon: { id: 'error', colorId: 'errorForeground' },
    command: { command: COMMANDS.refresh, title: 'Retry', arguments: [] },
    tooltip: `${escapeMarkdown(message)}\n\nClick to retry.`,
  });
}

function messageNode(
  connectionId: string,
  groupId: string | undefined,
  text: string,
  extra: { error?: boolean; icon?: TreeNode['icon']; command?: TreeNode['command']; tooltip?: string } = {},
): TreeNode {
  return {
    kind: 'message',
    id: rowId('message', connectionId, groupId),
    connectionId,
    ...(groupId !== undefined ? { groupId } : {}),
    label: text,
    contextValue: extra.error ? 'message error' : 'message',
    ...(extra.icon ? { icon: extra.icon } : { icon: { id: 'info' } }),
    ...(extra.command ? { command: extra.command } : {}),
    ...(extra.tooltip ? { tooltip: extra.tooltip } : {}),
    collapsible: 'none',
  };
}

/** Unique per row whatever characters ids contain (JSON quotes and escapes each part). */
function rowId(kind: TreeNodeKind, ...parts: Array<string | undefined>): string {
  return JSON.stringify([kind, ...parts]);
}

function countText(list: ListState<unknown>, noun = ''): string {
  const suffix = noun ? ` ${noun}` : '';
  if (list.total !== undefined && list.total > list.items.length) return `${list.items.length} of ${list.total}${suffix}`;
  if (list.nextCursor !== undefined) return `${list.items.length}+${suffix}`;
  return `${list.items.length}${suffix}`;
}
