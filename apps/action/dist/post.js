import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-GNV3MAU6.js";import"./chunks/chunk-XDE6MI7A.js";o();
