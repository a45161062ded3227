// Nugen's comparison mode brings its own baseline: the second model, evaluated side by side in the same evaluation.
import type { Evaluation } from '@evalgate/core';
import { baselineFound } from '../../verdict/found.js';
import type { BaselineLookup } from '../../verdict/types.js';
import type { NugenSettings } from './types.js';

export function comparisonBaseline(settings: NugenSettings, evaluation: Evaluation): BaselineLookup | undefined {
  if (!settings.baselineModelId) return undefined;
  const comparison = evaluation.comparison;
  if (comparison?.scores) {
    return baselineFound({
      source: 'comparison',
      description: `model ${comparison.model || settings.baselineModelId} evaluated side by side (nugen comparison mode)`,
      scores: comparison.scores,
    });
  }
  return { note: `nugen returned no comparison scores for ${settings.baselineModelId}` };
}
