import { postMain } from './main.js';

void postMain();
