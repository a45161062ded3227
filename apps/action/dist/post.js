import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-AVVZVAVP.js";import"./chunks/chunk-W7MM6SIL.js";o();
