/**
 * Which raw lines deserve a full parse. match builds it from the catalog; ingest applies it to
 * raw chunks, so the hot path never builds an object for a line no signal could match.
 */
export interface LineGate {
  /** Start offsets of lines in `chunk` (whole lines, ending in \n) where some signal may match, ascending, one per line. */
  candidates(chunk: string): Iterable<number>;
}
