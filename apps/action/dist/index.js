import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-AVVZVAVP.js";import"./chunks/chunk-W7MM6SIL.js";i();
