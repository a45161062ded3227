// Reads every input the Action declares through the runner's getter (main.ts passes @actions/core's getInput).
import { inputNames, type RawInputs } from './table.js';

export function readRawInputs(getInput: (name: string) => string): RawInputs {
  return Object.fromEntries(inputNames().map((name) => [name, getInput(name)]));
}
