import type { ProviderName } from '@evalgate/core';
import type { ProviderSettings } from '../providers/registry.js';

export type { ProviderSettings } from '../providers/registry.js';

export interface Thresholds {
  minAvgScore?: number;
  minMinScore?: number;
  /** Largest allowed drop of the average against the baseline. */
  maxRegression?: number;
}

export interface BadgePaths {
  svg: string;
  json: string;
}

/** The parsed gate settings. Secrets (the API key) are not in it: the adapter reads them once, apart. */
export interface GateSettings {
  provider: ProviderName;
  /** The chosen provider's own settings (its folder under providers/ parses them). */
  settings: ProviderSettings;
  baseUrl?: string;
  nameTemplate: string;
  thresholds: Thresholds;
  baseline: 'none' | 'base-branch';
  timeoutMinutes: number;
  pollIntervalSeconds: number;
  failOn: 'failure' | 'neutral';
  checkName: string;
  /** `allow-insecure-http: true`: an http base-url on a non-loopback host is allowed (and warned about). */
  allowInsecureHttp: boolean;
}
