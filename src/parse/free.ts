// `free` output (the Swap: row). Read whole by readFree (src/parse/config/).
import { readFree } from './config/swap.js';
import type { DocumentParser } from './line-parser.js';

export const free: DocumentParser = { kind: 'document', format: 'free', read: readFree };
