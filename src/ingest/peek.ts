/** Read at least `n` bytes from the front of a stream without losing them: `rest` replays them. */
export async function peek(
  source: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; rest: AsyncGenerator<Buffer>; close: () => Promise<void> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await it.next();
    if (r.done === true) {
      done = true;
      break;
    }
    parts.push(r.value);
    size += r.value.length;
  }
  const head = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done === true) return;
      yield r.value;
    }
  }
  // Stop reading without consuming the rest (the source's own cleanup runs: a file is closed).
  const close = async (): Promise<void> => {
    await it.return?.(undefined);
  };
  return { head, rest: rest(), close };
}

export type ContainerKind = 'gzip' | 'tar' | 'zip' | 'none';

/** What a byte stream is, by its magic numbers (never by its name). */
export function containerKind(head: Buffer): ContainerKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return 'none';
}
