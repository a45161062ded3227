// The gate's badge renderer, behind the dynamic import in publish.ts so badge-maker loads only when a badge is written.
export { renderBadge } from '@evalgate/gate/badge';
