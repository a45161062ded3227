/** Id formats per provider, as their real APIs hand them out. */
import { randomBytes, randomUUID } from 'node:crypto';

export const primeId = (): string => randomUUID();
export const openaiEvalId = (): string => `eval_${randomBytes(16).toString('hex')}`;
export const openaiRunId = (): string => `evalrun_${randomBytes(16).toString('hex')}`;
export const openaiOutputItemId = (runId: string, index: number): string =>
  `outputitem_${runId.slice('evalrun_'.length)}${index.toString(16).padStart(6, '0')}`;
export const nugenId = (): string => `eval-${randomBytes(8).toString('hex')}`;
