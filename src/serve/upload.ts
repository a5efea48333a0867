// An upload streamed to a file in the analysis's temp dir, hashed and counted on the way. The
// size cap is enforced while streaming: the first byte past it stops the transfer.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the upload is larger than the server's limit of ${maxBytes} bytes`);
  }
}

export class UploadEmpty extends Error {
  constructor() {
    super('the upload is empty');
  }
}

export interface Received {
  readonly sizeBytes: number;
  readonly sha256: string;
}

export async function receiveUpload(body: Readable, file: string, maxBytes: number, onBytes?: (n: number) => void): Promise<Received> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      onBytes?.(chunk.length);
      if (size > maxBytes) return done(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(body, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  if (size === 0) throw new UploadEmpty();
  return { sizeBytes: size, sha256: hash.digest('hex') };
}

/**
 * The name an upload is shown by and labels its report's paths with: the last path segment of
 * what the client sent, printable ASCII only, at most 120 characters. It never names a file.
 */
export function displayName(given: string | undefined): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[^A-Za-z0-9._+@=-]/g, '_').replace(/^\.+/, '').slice(-120);
  return clean === '' || /^_+$/.test(clean) ? 'bundle' : clean;
}
