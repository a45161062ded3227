import { collectionKey, type SimulatedRecord } from '@evalgate/emulator/testing';

export interface AcmeJob extends SimulatedRecord {
  suite: string;
  model: string;
  labels: Record<string, string> | null;
}

export const ACME_JOBS = collectionKey<AcmeJob>('acme/jobs');
