import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-W3SJ7N3R.js";import"./chunks/chunk-HHQKJZJX.js";import"./chunks/chunk-7NKGWPB6.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";o();
