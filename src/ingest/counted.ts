// Decompression is capped while it streams: a bomb is stopped at the cap, never inflated to disk
// or memory first.
import type { IngestLimits } from './limits.js';

export class BudgetExceeded extends Error {
  constructor(readonly what: 'total' | 'ratio', message: string) {
    super(message);
  }
}

/** Shared across all inputs of one run: the total decompressed bytes read so far. */
export class ByteBudget {
  private used = 0;
  constructor(readonly limits: IngestLimits) {}

  take(n: number): void {
    this.used += n;
    if (this.used > this.limits.maxTotalBytes) {
      throw new BudgetExceeded('total', `decompressed size passed the cap of ${this.limits.maxTotalBytes} bytes`);
    }
  }

  get bytesRead(): number {
    return this.used;
  }
}

/** Counts what flows through and stops when the ratio to the compressed size passes the cap. */
export async function* capped(
  source: AsyncIterable<Buffer>,
  budget: ByteBudget,
  compressedBytes: () => number,
): AsyncGenerator<Buffer> {
  let out = 0;
  for await (const chunk of source) {
    out += chunk.length;
    budget.take(chunk.length);
    const inBytes = Math.max(compressedBytes(), 1);
    // Small archives compress text 20-50x legitimately; only judge the ratio past 1 MiB out.
    if (out > 1024 * 1024 && out / inBytes > budget.limits.maxRatio) {
      throw new BudgetExceeded('ratio', `decompression ratio passed ${budget.limits.maxRatio}:1 (a decompression bomb?)`);
    }
    yield chunk;
  }
}
