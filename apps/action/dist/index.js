import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as i}from"./chunks/chunk-BKR5CUZV.js";import"./chunks/chunk-ULBILOPC.js";import"./chunks/chunk-Y77E6X3O.js";import"./chunks/chunk-RD7G2AH3.js";import"./chunks/chunk-XY7QUVLB.js";i();
