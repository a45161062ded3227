import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-3MR7NXEG.js";import"./chunks/chunk-PXF3Q6WT.js";o();
