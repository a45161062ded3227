import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-MQXCEFRE.js";import"./chunks/chunk-OSQWCQT7.js";import"./chunks/chunk-X24LQU2O.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-IM7GNSPV.js";i();
