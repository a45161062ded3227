import type { EmulatedProvider } from '@evalgate/emulator/testing';
import { createAcmeApi } from './routes.js';

/** The test-only fourth provider, as the emulator plays it: one folder, registered by `../register-emulator.ts`. */
export const acmeEmulated: EmulatedProvider<'acme'> = { name: 'acme', baseUrlPath: '', createApi: createAcmeApi };
