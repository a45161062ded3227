import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-E2CVH36Y.js";import"./chunks/chunk-5G74E3GH.js";import"./chunks/chunk-DPJLNP7M.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";i();
