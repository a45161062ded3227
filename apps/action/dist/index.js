import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-FCVZDBDK.js";import"./chunks/chunk-RZKRYCVZ.js";i();
