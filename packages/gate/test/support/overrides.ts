/**
 * Test overrides in which `undefined` means "absent": with exactOptionalPropertyTypes an optional property is
 * either missing or set, so the merged object drops the keys an override set to undefined.
 */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

export function withOverrides<T extends object>(base: T, overrides: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged as T;
}
