import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-VIBB4DMC.js";import"./chunks/chunk-JNSP44W6.js";i();
