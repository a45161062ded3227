import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-PHNS3TS6.js";import"./chunks/chunk-MAJJG7FD.js";i();
