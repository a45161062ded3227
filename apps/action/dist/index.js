import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-HV5NJIQF.js";import"./chunks/chunk-XW2JCBFO.js";i();
