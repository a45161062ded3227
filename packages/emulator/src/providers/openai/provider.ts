import type { EmulatedProvider } from '../provider.js';
import { createOpenAIApi } from './routes.js';

export const openaiEmulated: EmulatedProvider<'openai'> = { name: 'openai', baseUrlPath: '/v1', createApi: createOpenAIApi };
