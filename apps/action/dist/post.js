import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as o}from"./chunks/chunk-HV5NJIQF.js";import"./chunks/chunk-XW2JCBFO.js";o();
