import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var i=class extends Error{constructor(s,n,e){super(s);this.status=n;this.retryAfterMs=e}status;retryAfterMs;name="GitHubError"};function c(t){return t instanceof i&&(t.status===403||t.status===404||t.status===401)}function m(t,r=65535){if(Buffer.byteLength(t)<=r)return t;let s=o=>`

\u2026 truncated: ${o} more characters did not fit GitHub's limit.`,n=r-Buffer.byteLength(s(t.length)),e=t.slice(0,n);for(;Buffer.byteLength(e)>n;)n-=Math.max(1,Buffer.byteLength(e)-n),e=t.slice(0,n);let u=e.lastIndexOf(`
`);return u>e.length/2&&(e=e.slice(0,u)),/[\uD800-\uDBFF]$/.test(e)&&(e=e.slice(0,-1)),e+s(t.length-e.length)}export{i as a,c as b,m as c};
