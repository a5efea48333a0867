// `docker info` (Cgroup Driver). Read whole by readDockerInfo (src/parse/config/).
import { readDockerInfo } from './config/docker-info.js';
import type { DocumentParser } from './line-parser.js';

export const dockerInfo: DocumentParser = { kind: 'document', format: 'docker-info', read: readDockerInfo };
