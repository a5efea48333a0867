// Answering a request whose body the server will not read.
import type { FastifyRequest } from 'fastify';

/** How much of a refused upload is read and dropped, at most, so the client reads the answer. */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 5000;

/**
 * A refused upload (413, 429) is answered while the client may still be sending. Closing at once
 * makes the client's kernel reset the connection, and most clients then report a network error
 * instead of our status. So what it still sends is read and dropped for a while (bounded in bytes
 * and time, never stored), as a web server's lingering close does; then the socket is closed.
 */
export function drainRefused(req: FastifyRequest): void {
  const raw = req.raw;
  let dropped = 0;
  const stop = (): void => {
    raw.socket?.destroy();
  };
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref();
  raw.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > LINGER_BYTES) {
      clearTimeout(timer);
      stop();
    }
  });
  raw.on('end', () => clearTimeout(timer));
  raw.resume();
}
