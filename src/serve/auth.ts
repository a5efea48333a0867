// Bearer tokens from --auth-token-file, compared in constant time. Both sides are hashed first so
// the comparison takes the same time whatever the lengths.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The page keeps a token the user typed in this cookie, so report links open in a new tab. */
export const TOKEN_COOKIE = 'kf_token';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Tokens, one per line; blank lines and `#` comments ignored. An empty file is an error. */
export function readTokenFile(file: string): string[] {
  const tokens = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (tokens.length === 0) throw new Error(`${file}: no token in the file (one per line)`);
  const short = tokens.find((t) => t.length < 16);
  if (short !== undefined) throw new Error(`${file}: a token is shorter than 16 characters`);
  return tokens;
}

export class TokenCheck {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  /** The token from `Authorization: Bearer …`, else from the page's cookie. */
  static presented(authorization: string | undefined, cookie: string | undefined): string | undefined {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (m !== null) return m[1];
    for (const part of (cookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
    }
    return undefined;
  }

  accepts(token: string | undefined): boolean {
    const d = digest(token ?? '');
    let ok = false;
    // Every token is compared, so the time does not tell which one matched.
    for (const x of this.digests) ok = timingSafeEqual(d, x) || ok;
    return token !== undefined && ok;
  }
}

/** Loopback addresses: the only ones the server binds without a token or --insecure. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}
