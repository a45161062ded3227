import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-NQEBB2LX.js";import"./chunks/chunk-IVGNPE6T.js";import"./chunks/chunk-YXEDJFDX.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";o();
