import type { Session } from '../vscode/session.js';
import { addEntry } from './add-connection.js';

/** Where `npx evalgate-emulator --port 4010 --api-key test-key` listens (see the README). */
export const EMULATOR_BASE_URL = 'http://127.0.0.1:4010';
const EMULATOR_API_KEY = 'test-key';

/** `evalgate.addEmulatorConnection`: the welcome view's one-click start against the local emulator. */
export function addEmulatorConnectionCommand(session: Session) {
  return (): Promise<string | undefined> =>
    addEntry(session, { provider: 'prime', baseUrl: EMULATOR_BASE_URL, label: 'emulator' }, { prefill: EMULATOR_API_KEY });
}
