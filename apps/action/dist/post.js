import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-PUU5KKG6.js";import"./chunks/chunk-FIU24HXC.js";import"./chunks/chunk-YXEDJFDX.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";o();
