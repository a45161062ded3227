import * as z from 'zod/mini';

/** What a details page may say to the extension. Anything else is ignored: the page shows provider text. */
const webviewMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openReport') }),
  z.object({
    type: z.literal('rendered'),
    revision: z.int().check(z.nonnegative()),
    sampleIds: z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000)),
    histogramBars: z.int().check(z.nonnegative()),
  }),
]);

export type WebviewMessage = z.infer<typeof webviewMessage>;

export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
  const parsed = webviewMessage.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
