import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-2FL4CX43.js";import"./chunks/chunk-YU27P2EI.js";i();
