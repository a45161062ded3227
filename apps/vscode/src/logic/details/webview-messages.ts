import { z } from 'zod';

/** What a details page may say to the extension. Anything else is ignored: the page shows provider text. */
const webviewMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openReport') }),
  z.object({
    type: z.literal('rendered'),
    revision: z.number().int().nonnegative(),
    sampleIds: z.array(z.string().max(1000)).max(1000),
    histogramBars: z.number().int().nonnegative(),
  }),
]);

export type WebviewMessage = z.infer<typeof webviewMessage>;

export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
  const parsed = webviewMessage.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
