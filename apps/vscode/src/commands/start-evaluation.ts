import * as vscode from 'vscode';
import { isTreeRow } from '../logic/command-args.js';
import { buildCreateRequest, startFields } from '../logic/start/start-form.js';
import type { Session } from '../vscode/session.js';
import { resolveConnectionId } from './pick-connection.js';

/**
 * `evalgate.startEvaluation(connectionIdOrRow?, answers?)`: asks the provider's questions (the Action's inputs) one
 * input box at a time, creates the evaluation and shows it at the top of its list. `answers` (keyed by input name)
 * skips the questions. Resolves to the new evaluation's id, or undefined when the user gave up.
 */
export function startEvaluationCommand(session: Session) {
  return async (target?: unknown, answers?: unknown): Promise<string | undefined> => {
    try {
      const connectionId = await resolveConnectionId(
        session,
        isTreeRow(target) || typeof target === 'string' ? target : undefined,
        'Start an evaluation on which connection?',
      );
      if (!connectionId) return undefined;
      const state = session.store.connection(connectionId);
      const client = session.store.clientFor(connectionId);
      if (!state || !client) {
        void vscode.window.showWarningMessage(`No API key is set for ${connectionId}; run "evalgate: Set API Key" first.`);
        return undefined;
      }
      const provider = state.connection.provider;
      let given = answers;
      if (given === undefined) {
        const asked: Record<string, string> = {};
        const fields = startFields(provider);
        for (const [index, field] of fields.entries()) {
          const answer = await vscode.window.showInputBox({
            title: `Start ${provider} evaluation (${index + 1}/${fields.length}): ${field.input}`,
            prompt: field.prompt,
            placeHolder: field.placeholder,
            ...(field.defaultValue !== undefined ? { value: field.defaultValue } : {}),
            ignoreFocusOut: true,
            validateInput: (value) => (field.required || value.trim() !== '' ? field.check(value) : undefined),
          });
          if (answer === undefined) return undefined;
          asked[field.input] = answer;
        }
        given = asked;
      }
      const built = buildCreateRequest(provider, given);
      if ('problems' in built) {
        void vscode.window.showErrorMessage(`Cannot start the evaluation: ${built.problems.join('; ')}`);
        return undefined;
      }
      const created = await session.store.inFlight.track(() => client.create(built.request));
      session.log.info(`Started ${provider} evaluation ${created.id} ("${created.name}").`);
      // The new row appears at the top of its list (the same check that finds evaluations started elsewhere).
      await session.store.refreshHeads().catch(() => undefined);
      return created.id;
    } catch (error) {
      session.reportError('Starting the evaluation', error);
      return undefined;
    }
  };
}
