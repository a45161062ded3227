import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-Q6EDRZK6.js";import"./chunks/chunk-TP76TD4E.js";o();
