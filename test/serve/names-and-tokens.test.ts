// What a client sends that the server turns into something of its own: a file name into a
// display name (never a path), a token file into tokens, a header or cookie into a token.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSize } from '../../src/cli/serve-command.js';
import { isLoopback, readTokenFile, TokenCheck } from '../../src/serve/auth.js';
import { displayName } from '../../src/serve/upload.js';

describe('display names', () => {
  test.each([
    ['bundle.tar.gz', 'bundle.tar.gz'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\case 4711.tgz', 'case_4711.tgz'],
    ['<img src=x onerror=alert(1)>.tar.gz', '_img_src=x_onerror=alert_1__.tar.gz'],
    ['..', 'bundle'],
    ['', 'bundle'],
    [undefined, 'bundle'],
  ])('%s is shown as %s', (given, shown) => {
    expect(displayName(given)).toBe(shown);
  });

  test('any name becomes one safe segment of at most 120 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const n = displayName(s);
        expect(n).toMatch(/^[A-Za-z0-9_+@=-][A-Za-z0-9._+@=-]*$/);
        expect(n.length).toBeLessThanOrEqual(120);
        expect(n).not.toBe('..');
      }),
    );
  });
});

describe('tokens', () => {
  test('a token file holds one token per line; comments and blank lines are ignored; short or no tokens are refused', () => {
    const d = mkdtempSync(join(tmpdir(), 'kf-tokens-'));
    writeFileSync(join(d, 'ok'), '# team\nkf-0123456789abcdef\n\n  kf-fedcba9876543210  \n');
    expect(readTokenFile(join(d, 'ok'))).toEqual(['kf-0123456789abcdef', 'kf-fedcba9876543210']);
    writeFileSync(join(d, 'short'), 'abc\n');
    expect(() => readTokenFile(join(d, 'short'))).toThrow(/shorter than 16/);
    writeFileSync(join(d, 'empty'), '# nothing\n');
    expect(() => readTokenFile(join(d, 'empty'))).toThrow(/no token/);
  });

  test('the bearer header wins over the cookie; either is accepted only when it is one of the tokens', () => {
    const check = new TokenCheck(['kf-0123456789abcdef']);
    expect(TokenCheck.presented('Bearer kf-0123456789abcdef', undefined)).toBe('kf-0123456789abcdef');
    expect(TokenCheck.presented(undefined, 'a=b; kf_token=kf-0123456789abcdef')).toBe('kf-0123456789abcdef');
    expect(TokenCheck.presented('Basic abc', undefined)).toBeUndefined();
    expect(check.accepts('kf-0123456789abcdef')).toBe(true);
    expect(check.accepts('kf-0123456789abcdeF')).toBe(false);
    expect(check.accepts('kf-0123456789abcdef0')).toBe(false);
    expect(check.accepts(undefined)).toBe(false);
    expect(check.accepts('')).toBe(false);
  });

  test.each([
    ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['localhost', true],
    ['0.0.0.0', false], ['::', false], ['10.0.0.5', false], ['example.com', false],
  ])('%s is loopback: %s', (host, loop) => {
    expect(isLoopback(host)).toBe(loop);
  });
});

test.each([
  ['1G', 1024 ** 3], ['512M', 512 * 1024 ** 2], ['1GiB', 1024 ** 3], ['64k', 65536], ['2048', 2048], ['1.5G', 1.5 * 1024 ** 3],
])('--max-upload %s is %d bytes', (text, bytes) => {
  expect(parseSize(text)).toBe(bytes);
});

test('a size that is not one is refused', () => {
  expect(() => parseSize('lots')).toThrow(/not a size/);
});
