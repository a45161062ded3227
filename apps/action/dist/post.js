import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-B3U7SB5X.js";import"./chunks/chunk-I37GL5AP.js";import"./chunks/chunk-DGZ4A43U.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-IM7GNSPV.js";o();
