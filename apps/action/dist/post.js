import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-MJLMSVSR.js";import"./chunks/chunk-42EMYXRL.js";import"./chunks/chunk-DPJLNP7M.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";o();
