import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-2DTRET6D.js";import"./chunks/chunk-6Z3LRRXM.js";import"./chunks/chunk-N4IBCVSK.js";i();
