// A resolver file (/etc/resolv.conf). Read whole by readResolvConf (src/parse/config/).
import { readResolvConf } from './config/resolv-conf.js';
import type { DocumentParser } from './line-parser.js';

export const resolvConf: DocumentParser = { kind: 'document', format: 'resolv-conf', read: readResolvConf };
