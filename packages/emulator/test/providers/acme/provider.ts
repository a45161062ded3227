import type { EmulatedProvider } from '../../../src/providers/provider.js';
import { createAcmeApi } from './routes.js';

/** The test-only fourth provider, as the emulator plays it: one folder, registered by `../test-registry.ts`. */
export const acmeEmulated: EmulatedProvider<'acme'> = { name: 'acme', baseUrlPath: '', createApi: createAcmeApi };
