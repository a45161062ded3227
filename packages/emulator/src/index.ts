/** Public API of @evalgate/emulator. */
export { startEmulator, type Emulator } from './server.js';
export type { EmulatorOptions, EmulatorSettings, OpenAICancelPaths, Outcome, Provider } from './types.js';
export type { ConfigureInput, EvaluationSnapshot } from './controller.js';
export type { FaultSpec, FaultMatch } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
