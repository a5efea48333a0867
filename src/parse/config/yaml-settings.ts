// A YAML (or JSON) document flattened to dotted keys, each with the line of its key: the shape
// the kubelet's configuration is compared and cited in.
//   authentication:            → authentication.anonymous.enabled = false   (line 3)
//     anonymous:
//       enabled: false
//   clusterDNS: [10.96.0.10]   → clusterDNS = ['10.96.0.10']
// Maps nest into the key; a list of scalars is one value; a list of maps is indexed
// (`reservedMemory.0.numaNode`). Empty maps and nulls give no key. Never throws.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ConfigScalar, Setting } from '../../model/config.js';
import type { TextLines } from './text-lines.js';

export interface YamlRead {
  readonly docs: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
  readonly errors: readonly { readonly line: number; readonly reason: string }[];
}

export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  try {
    const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [];
    const errors = list.flatMap((d) => d.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, reason: `YAML: ${e.message.split('\n')[0] ?? ''}` })));
    return { docs: list, lineCounter, errors };
  } catch (e) {
    return { docs: [], lineCounter, errors: [{ line: 1, reason: `YAML: ${(e as Error).message}` }] };
  }
}

function scalarOf(n: unknown): ConfigScalar | null | undefined {
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** Flatten one node (a document's contents, or a map inside it) into settings under `prefix`. */
export function flatten(node: Node | null | undefined, lines: TextLines, lc: LineCounter, prefix = ''): Setting[] {
  const out: Setting[] = [];
  const lineAt = (n: { range?: [number, number, number] | null } | null | undefined): number => lc.linePos(n?.range?.[0] ?? 0).line;
  const walk = (n: unknown, key: string, keyLine: number): void => {
    if (isMap(n)) {
      for (const pair of n.items) {
        const k = scalarOf(pair.key);
        if (k === undefined || k === null) continue;
        const line = lineAt(pair.key as Node);
        walk(pair.value, key === '' ? String(k) : `${key}.${String(k)}`, line);
      }
      return;
    }
    if (isSeq(n)) {
      const scalars = n.items.map(scalarOf);
      if (scalars.every((s) => s !== undefined && s !== null)) {
        // A block list's items sit on the lines below its key: the cited text shows both.
        const itemLines = [...new Set(n.items.map((i) => lineAt(i as Node)))].filter((l) => l !== keyLine);
        const text = [lines.at(keyLine).trimEnd(), ...itemLines.map((l) => lines.at(l).trim())].join(' ');
        if (key !== '') out.push({ key, value: scalars as ConfigScalar[], source: lines.ref(keyLine), text });
        return;
      }
      n.items.forEach((item, i) => walk(item, `${key}.${i}`, lineAt(item as Node)));
      return;
    }
    const s = scalarOf(n);
    if (s === undefined || s === null || key === '') return;
    out.push({ key, value: s, source: lines.ref(keyLine), text: lines.at(keyLine) });
  };
  walk(node, prefix, 1);
  return out;
}

/** The top-level `kind:` and `apiVersion:` of a document, if it is a map. */
export function kindOf(doc: Document.Parsed): { readonly kind?: string; readonly apiVersion?: string; readonly name?: string } {
  const c = doc.contents;
  if (!isMap(c)) return {};
  const get = (k: string): string | undefined => {
    const v = scalarOf(c.get(k, true));
    return typeof v === 'string' ? v : undefined;
  };
  const meta = c.get('metadata', true);
  const name = isMap(meta) ? scalarOf(meta.get('name', true)) : undefined;
  const kind = get('kind');
  const apiVersion = get('apiVersion');
  return { ...(kind !== undefined ? { kind } : {}), ...(apiVersion !== undefined ? { apiVersion } : {}), ...(typeof name === 'string' ? { name } : {}) };
}
