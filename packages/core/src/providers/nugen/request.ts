/** What a caller asks Nugen to create. */
export interface NugenCreateRequest {
  provider: 'nugen';
  modelId: string;
  benchmarkId: string;
  /** Comparison mode: the second model. */
  modelId2?: string;
  /** Sent as `custom_metrics`: an object (Nugen's schema rejects the array form its docs example shows). */
  customMetrics?: Record<string, unknown>;
  /** `judge_provider` (anthropic, openai or nugen); sent only when set, older Nugen versions do not know it. */
  judgeProvider?: string;
}
