// A writer for the docker-json property tests: one json-file line as dockerd writes it
// (daemon/logger/jsonfilelog: Go's encoding/json, HTML-safe escapes). Only tests use it.
import type { Instant } from '../../src/model/time.js';
import { formatRfc3339Nano } from './render-rfc3339nano.js';

export interface DockerJsonParts {
  readonly log: string;
  readonly stream: 'stdout' | 'stderr';
  readonly at: Instant;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function formatDockerJson(p: DockerJsonParts): string {
  const obj = { log: p.log, stream: p.stream, ...(p.attrs !== undefined && { attrs: p.attrs }), time: formatRfc3339Nano(p.at) };
  return JSON.stringify(obj).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
