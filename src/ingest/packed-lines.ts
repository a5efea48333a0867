// A range's candidate lines as two flat arrays instead of one object per line: the UTF-8 bytes of
// every text, end to end, and per line its number, offset and byte length. A scan worker packs
// them and transfers the buffers (no copy, no structured clone of thousands of objects); the
// main thread unpacks a few hundred at a time as it consumes them. So a range that waits its turn
// sits outside the JS heap, and at a collection only the batch being parsed is alive: before,
// every range's objects survived two scavenges and were promoted, and the main heap grew with
// the file (V8 lets the old space grow to a multiple of what is live before a full collection).
import type { NumberedLine } from './numbered-line.js';

export interface PackedLines {
  readonly count: number;
  /** The texts' UTF-8 bytes, one after the other (transferable). */
  readonly bytes: Uint8Array;
  /** Per line: number, offset, byte length of its text (transferable). */
  readonly meta: Float64Array;
}

/** Collects lines into growing buffers; `finish` hands over exactly what was filled. */
export class LinePacker {
  private bytes: Buffer = Buffer.from(new ArrayBuffer(1 << 20));
  private meta = new Float64Array(3 * 4096);
  private used = 0;
  private count = 0;

  add(line: NumberedLine): void {
    // A UTF-8 encoding is at most three bytes per UTF-16 unit.
    if (this.used + 3 * line.text.length > this.bytes.length) this.bytes = grow(this.bytes, this.used + 3 * line.text.length);
    const n = this.bytes.write(line.text, this.used, 'utf8');
    if (3 * this.count + 3 > this.meta.length) {
      const m = new Float64Array(this.meta.length * 2);
      m.set(this.meta);
      this.meta = m;
    }
    this.meta[3 * this.count] = line.no;
    this.meta[3 * this.count + 1] = line.offset;
    this.meta[3 * this.count + 2] = n;
    this.used += n;
    this.count++;
  }

  /** The packed lines, copied into buffers of their own (safe to transfer); the packer starts over, keeping its buffers. */
  finish(): PackedLines {
    const bytes = new Uint8Array(this.used);
    bytes.set(this.bytes.subarray(0, this.used));
    const out = { count: this.count, bytes, meta: this.meta.slice(0, 3 * this.count) };
    this.used = 0;
    this.count = 0;
    return out;
  }
}

function grow(b: Buffer, atLeast: number): Buffer {
  const g = Buffer.from(new ArrayBuffer(Math.max(2 * b.length, atLeast)));
  b.copy(g);
  return g;
}

/** The lines back, `batch` at a time, renumbered by `lineBase` and moved by `offsetBase`. */
export function* unpackLines(p: PackedLines, lineBase: number, offsetBase: number, batch: number): Generator<NumberedLine[]> {
  const bytes = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
  let pos = 0;
  for (let i = 0; i < p.count; ) {
    const out: NumberedLine[] = [];
    for (const end = Math.min(p.count, i + batch); i < end; i++) {
      const len = p.meta[3 * i + 2] as number;
      out.push({ no: (p.meta[3 * i] as number) + lineBase, text: bytes.toString('utf8', pos, pos + len), offset: (p.meta[3 * i + 1] as number) + offsetBase });
      pos += len;
    }
    yield out;
  }
}
