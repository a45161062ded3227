import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import '../src/index.js';

describe('the zod config core sets on import', () => {
  it('parses without generated code (jitless) and reports issues in English', () => {
    expect(z.config().jitless).toBe(true);
    const result = z.looseObject({ id: z.string() }).safeParse({ id: 7 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });
});
