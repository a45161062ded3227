// A client-driven Prime run reads its scored samples from samples-file before creating.
import type { Files } from '../../ports.js';
import { InputError } from '../../settings/input-error.js';
import type { ResolvedFiles } from '../gate-provider.js';
import { parseSamples } from './samples.js';
import type { PrimeSettings } from './types.js';

export async function readPrimeFiles(settings: PrimeSettings, files: Files): Promise<ResolvedFiles> {
  if (settings.mode !== 'samples') return {};
  let text: string;
  try {
    text = await files.read(settings.samplesFile);
  } catch (error) {
    throw new InputError([{ input: 'samples-file', message: `could not be read: ${(error as Error).message}` }]);
  }
  return { samples: parseSamples(text, settings.samplesFile), samplesFrom: settings.samplesFile };
}
