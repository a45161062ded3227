import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-6LENQFUB.js";import"./chunks/chunk-DAEYTWKF.js";o();
