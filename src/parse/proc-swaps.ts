// /proc/swaps. Read whole by readProcSwaps (src/parse/config/).
import { readProcSwaps } from './config/swap.js';
import type { DocumentParser } from './line-parser.js';

export const procSwaps: DocumentParser = { kind: 'document', format: 'proc-swaps', read: readProcSwaps };
