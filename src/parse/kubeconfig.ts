// A kubeconfig (kubelet.conf, bootstrap-kubelet.conf): server, CA, user kind. Read whole by readKubeconfig (src/parse/config/).
import { readKubeconfig } from './config/kubeconfig.js';
import type { DocumentParser } from './line-parser.js';

export const kubeconfig: DocumentParser = { kind: 'document', format: 'kubeconfig', read: readKubeconfig };
