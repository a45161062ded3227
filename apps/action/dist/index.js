import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-HZ7QZWYY.js";import"./chunks/chunk-LD3XGAPM.js";i();
