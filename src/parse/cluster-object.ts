// The cluster's side of node configuration (ClusterConfiguration, kube-dns Service, kubelet-config). Read whole by readClusterObject (src/parse/config/).
import { readClusterObject } from './config/cluster-object.js';
import type { DocumentParser } from './line-parser.js';

export const clusterObject: DocumentParser = { kind: 'document', format: 'cluster-object', read: readClusterObject };
