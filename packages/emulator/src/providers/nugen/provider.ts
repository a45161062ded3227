import type { EmulatedProvider } from '../provider.js';
import { createNugenApi } from './routes.js';

export const nugenEmulated: EmulatedProvider<'nugen'> = { name: 'nugen', baseUrlPath: '', createApi: createNugenApi };
