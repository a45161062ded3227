import type { EmulatedProvider } from '../provider.js';
import { createPrimeApi } from './routes.js';

export const primeEmulated: EmulatedProvider<'prime'> = { name: 'prime', baseUrlPath: '', createApi: createPrimeApi };
