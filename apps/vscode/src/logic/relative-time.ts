/**
 * "just now", "45 s ago", "3 min ago", "2 h ago", "yesterday", "5 days ago", then the date: short enough for a tree
 * row, exact enough to tell which run is the latest. A time in the future (clock skew) reads "just now".
 */
export function relativeTime(then: Date, now: number): string {
  const seconds = Math.floor((now - then.getTime()) / 1000);
  if (!Number.isFinite(seconds)) return 'unknown time';
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return `on ${then.toISOString().slice(0, 10)}`;
}
