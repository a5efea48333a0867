// Typed reads from parsed JSON (`unknown`), for the parsers of Kubernetes JSON objects (audit
// events, core/v1 and events.k8s.io Events). A field of the wrong type reads as absent.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string field, else undefined (Kubernetes writes "" for unset strings). */
export function stringAt(o: JsonRecord | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function numberAt(o: JsonRecord | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function recordAt(o: JsonRecord | undefined, key: string): JsonRecord | undefined {
  const v = o?.[key];
  return isRecord(v) ? v : undefined;
}

/** The string members of an array field; other members are dropped. */
export function stringsAt(o: JsonRecord | undefined, key: string): readonly string[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}
