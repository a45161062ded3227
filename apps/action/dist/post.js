import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-GUCQFQDY.js";import"./chunks/chunk-XDE6MI7A.js";o();
