import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-ZEFHI7IM.js";import"./chunks/chunk-Y27PUHVG.js";import"./chunks/chunk-FPBDQKGI.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";o();
