// A systemd unit or drop-in (kubelet.service, 10-kubeadm.conf, systemctl cat). Read whole by readSystemdUnit (src/parse/config/).
import { readSystemdUnit } from './config/systemd-unit.js';
import type { DocumentParser } from './line-parser.js';

export const systemdUnit: DocumentParser = { kind: 'document', format: 'systemd-unit', read: readSystemdUnit };
