import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
function f(t,r=65535){if(Buffer.byteLength(t)<=r)return t;let i=c=>`

\u2026 truncated: ${c} more characters did not fit GitHub's limit.`,n=r-Buffer.byteLength(i(t.length)),e=t.slice(0,n);for(;Buffer.byteLength(e)>n;)n-=Math.max(1,Buffer.byteLength(e)-n),e=t.slice(0,n);let u=e.lastIndexOf(`
`);return u>e.length/2&&(e=e.slice(0,u)),/[\uD800-\uDBFF]$/.test(e)&&(e=e.slice(0,-1)),e+i(t.length-e.length)}export{f as a};
