// containerd's config.toml (SystemdCgroup). Read whole by readContainerdToml (src/parse/config/).
import { readContainerdToml } from './config/containerd-toml.js';
import type { DocumentParser } from './line-parser.js';

export const containerdToml: DocumentParser = { kind: 'document', format: 'containerd-toml', read: readContainerdToml };
