import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-ZR5U4IWN.js";import"./chunks/chunk-DAEYTWKF.js";o();
