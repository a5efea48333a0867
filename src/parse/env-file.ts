// An environment file (kubeadm-flags.env, /etc/default/kubelet, /etc/sysconfig/kubelet). Read whole by readEnvFile (src/parse/config/).
import { readEnvFile } from './config/env-file.js';
import type { DocumentParser } from './line-parser.js';

export const envFile: DocumentParser = { kind: 'document', format: 'env-file', read: readEnvFile };
