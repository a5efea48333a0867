// fast-check generators shared by the klog and klog-kv property tests. Only tests use them.
import fc from 'fast-check';
import type { KvValue } from './render-klog.js';

// Mix in the characters that break naive regexes and quoting; plain fc.string() rarely draws them.
const tricky = fc.constantFrom('\u2028', '\u0085', '\t', ']', ':', '"', '\\', '=', ' ', '<', '>', '{', '[', '\u00e9', '\u0000', '\u00a0', '😀');

/** One line of text: ingest already split on newlines. */
export const oneLine = fc
  .string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) })
  .filter((s) => !/[\r\n]/.test(s));

const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.-]{0,12}$/).filter((k) => !['tid', 'caller', 'msg', '__proto__'].includes(k));

const kvValue: fc.Arbitrary<KvValue> = fc.oneof(
  oneLine.map((value) => ({ kind: 'string' as const, value })),
  // Multi-line strings: klog's `key=<` block.
  fc.array(oneLine, { minLength: 2, maxLength: 4 }).map((ls) => ({ kind: 'string' as const, value: ls.join('\n') })),
  fc.integer().map((value) => ({ kind: 'int' as const, value })),
  fc.jsonValue().filter((v) => typeof v === 'object' && v !== null).map((value) => ({ kind: 'json' as const, value })),
);

/** Key/value pairs as klog.InfoS takes them, keys unique. */
export const kvPairs = fc.uniqueArray(fc.tuple(key, kvValue), { selector: ([k]) => k, maxLength: 5 });

export const isMultiLine = ([, v]: readonly [string, KvValue]): boolean => v.kind === 'string' && v.value.includes('\n');
