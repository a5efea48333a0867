import { expect, test } from 'vitest';
import { civilToInstant } from '../../src/model/time.js';
import { stampFromRfc1123 } from '../../src/parse/go-time.js';

test.each([
  ['Thu, 17 Feb 2022 17:13:52 -0500', { kind: 'utc', at: civilToInstant(2022, 2, 17, 22 * 3600 + 13 * 60 + 52), precision: 's' }],
  ['Mon, 01 Apr 2024 12:13:41 +0700', { kind: 'utc', at: civilToInstant(2024, 4, 1, 5 * 3600 + 13 * 60 + 41), precision: 's' }],
  ['Sat, 04 Mar 2017 07:13:28 +0000', { kind: 'utc', at: civilToInstant(2017, 3, 4, 7 * 3600 + 13 * 60 + 28), precision: 's' }],
  ['Thu, 26 Mar 2015 16:33:17 UTC', { kind: 'utc', at: civilToInstant(2015, 3, 26, 16 * 3600 + 33 * 60 + 17), precision: 's' }],
  ['Thu, 26 Mar 2015 16:33:17 PDT', { kind: 'wall', at: civilToInstant(2015, 3, 26, 16 * 3600 + 33 * 60 + 17), precision: 's' }],
  ['Mon, 01 Jan 0001 00:00:00 +0000', { kind: 'none' }],
])('%s', (text, stamp) => {
  expect(stampFromRfc1123(text)).toEqual(stamp);
});

test.each(['', '2024-04-01T12:13:41Z', 'Mon, 31 Apr 2024 12:13:41 +0000', 'Mon, 01 Apr 2024 25:13:41 +0000', 'Funday, 01 Apr 2024 12:13:41 +0000'])('%j is not RFC1123', (text) => {
  expect(stampFromRfc1123(text)).toBeUndefined();
});
