import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-UDRPQGPE.js";import"./chunks/chunk-RNK5G7RG.js";import"./chunks/chunk-7GDFSCLF.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";i();
