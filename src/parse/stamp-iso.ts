// RFC 3339 / ISO 8601 text to a Stamp, for the JSON formats Kubernetes writes
// (`2024-04-01T12:13:41.801997Z`, metav1.Time and MicroTime): a written zone gives a true UTC
// instant, no zone only a wall clock. Precision is the number of fraction digits written.
import { parseIso, type Stamp } from '../model/time.js';

export function stampFromIso(text: string | undefined): Stamp | undefined {
  if (text === undefined) return undefined;
  const parsed = parseIso(text);
  if (parsed === undefined) return undefined;
  return { kind: parsed.zoned ? 'utc' : 'wall', at: parsed.at, precision: parsed.precision };
}
