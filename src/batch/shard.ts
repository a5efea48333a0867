/**
 * This shard's share of a sorted input list: every n-th item from position i. Deterministic and
 * disjoint across shards, and together they cover the list (test/batch/shard.test.ts).
 */
export function shardOf<T>(sorted: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(`shard ${index}/${count} is not a shard: use i/n with 0 <= i < n`);
  }
  return sorted.filter((_, pos) => pos % count === index);
}

/** `2/8` → { index: 2, count: 8 }. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null) throw new Error(`--shard takes i/n, e.g. 0/4 (got "${text}")`);
  return { index: Number(m[1]), count: Number(m[2]) };
}
