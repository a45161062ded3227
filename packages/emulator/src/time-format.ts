/** Timestamp formats the providers use on the wire. */
export const isoString = (ms: number): string => new Date(ms).toISOString();
/** `2024-01-15T10:30:00Z`, as in the Nugen docs. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
