// KubeletConfiguration YAML (/var/lib/kubelet/config.yaml). Read whole by readKubeletConfig (src/parse/config/).
import { readKubeletConfig } from './config/kubelet-config.js';
import type { DocumentParser } from './line-parser.js';

export const kubeletConfig: DocumentParser = { kind: 'document', format: 'kubelet-config', read: readKubeletConfig };
