import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-TAS3CYCK.js";import"./chunks/chunk-TP76TD4E.js";o();
