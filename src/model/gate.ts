/**
 * Which raw lines deserve a full parse. match builds it from the catalog; ingest applies it to
 * raw chunks, so the hot path never builds an object for a line no signal could match.
 */
export interface LineGate {
  /**
   * Start offsets (in `buf`) of the lines within buf[from, to) where some signal may match:
   * ascending, one per line. buf[from, to) holds whole lines, the last ending in \n.
   */
  candidates(buf: Uint8Array, from: number, to: number): Iterable<number>;
}

/**
 * What the gate searches for, as plain data so it can cross into worker threads: literals found
 * with one automaton, and regex sources (named groups made plain) for regexes with no literal.
 */
export interface GateSpec {
  readonly literals: readonly string[];
  /**
   * Per literal, the regexes that need it: a line holding the literal is a candidate only when
   * one of them matches the line (a common literal, such as `TLS handshake error from `, would
   * otherwise hand over every line of chatter that carries it).
   */
  readonly verify: readonly (readonly string[])[];
  readonly residual: readonly string[];
}
