/** Caps that keep an untrusted bundle from exhausting memory or disk. All sizes in bytes. */
export interface IngestLimits {
  /** Total decompressed bytes read from all inputs together. */
  readonly maxTotalBytes: number;
  /** Decompressed size over compressed size, per archive: a higher ratio is reported as a bomb. */
  readonly maxRatio: number;
  /** Longer lines are cut at this length and counted as truncated. */
  readonly maxLineBytes: number;
  /** Archives nested deeper than this are not opened. */
  readonly maxNesting: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  maxLineBytes: 1024 * 1024,
  maxNesting: 3,
};
