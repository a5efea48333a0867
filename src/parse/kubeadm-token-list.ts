// `kubeadm token list`. Read whole by readTokenList (src/parse/config/).
import { readTokenList } from './config/token-list.js';
import type { DocumentParser } from './line-parser.js';

export const kubeadmTokenList: DocumentParser = { kind: 'document', format: 'kubeadm-token-list', read: readTokenList };
