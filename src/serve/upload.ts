// An upload streamed to a file in the analysis's temp dir, hashed and counted on the way. The
// size cap is enforced while streaming: the first byte past it stops the transfer.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

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

/**
 * Streams `body` into `file`. Past `maxBytes` it stops reading and rejects with UploadTooLarge,
 * leaving the request open (paused, not destroyed) so the server can still answer 413.
 */
export function receiveUpload(body: Readable, file: string, maxBytes: number, onBytes?: (n: number) => void): Promise<Received> {
  const hash = createHash('sha256');
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  let size = 0;
  return new Promise<Received>((resolve, reject) => {
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      body.pause();
      out.destroy();
      // The file is closed before the caller removes its folder.
      out.once('close', () => reject(e));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      onBytes?.(chunk.length);
      if (size > maxBytes) return fail(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      if (!out.write(chunk)) body.pause();
    };
    out.on('drain', () => body.resume());
    out.on('error', fail);
    body.on('error', fail);
    body.on('aborted', () => fail(new Error('the client aborted the upload')));
    body.on('data', onData);
    body.on('end', () => {
      if (settled) return;
      if (size === 0) return fail(new UploadEmpty());
      out.end(() => {
        settled = true;
        resolve({ sizeBytes: size, sha256: hash.digest('hex') });
      });
    });
  });
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
