import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-V2Y35SHZ.js";import"./chunks/chunk-VYMLM7SN.js";o();
