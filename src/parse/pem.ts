// PEM certificates (subject, issuer, validity; bodies never printed). Read whole by readPem (src/parse/config/).
import { readPem } from './config/pem.js';
import type { DocumentParser } from './line-parser.js';

export const pem: DocumentParser = { kind: 'document', format: 'pem', read: readPem };
