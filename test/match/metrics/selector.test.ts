import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { labelsMatch, parseSelector, selectorText, type Selector } from '../../../src/match/metrics/selector.js';

const ok = (text: string): Selector => {
  const p = parseSelector(text);
  if (p.kind !== 'selector') throw new Error(`${text}: ${p.message} at ${p.at}`);
  return p.selector;
};

describe('parseSelector: the PromQL subset catalog conditions use', () => {
  test.each([
    ['get_token_fail_count', 'get_token_fail_count', []],
    ['rest_client_requests_total{code=~"5.."}', 'rest_client_requests_total', [['code', '=~', '5..']]],
    ['  x { a = "1" , b != \'2\', c!~"x|y", } ', 'x', [['a', '=', '1'], ['b', '!=', '2'], ['c', '!~', 'x|y']]],
    ['apiserver_client_certificate_expiration_seconds_bucket{le="0"}', 'apiserver_client_certificate_expiration_seconds_bucket', [['le', '=', '0']]],
    ['m{path="a\\"b\\\\c"}', 'm', [['path', '=', 'a"b\\c']]],
    ['ns:metric:rate5m{}', 'ns:metric:rate5m', []],
  ])('%s', (text, name, matchers) => {
    const s = ok(text);
    expect(s.name).toBe(name);
    expect(s.matchers.map((m) => [m.label, m.op, m.value])).toEqual(matchers);
  });

  test.each([
    ['', 0, 'expected a metric name'],
    ['{code="500"}', 0, 'expected a metric name'],
    ['m{code}', 6, 'expected =, !=, =~ or !~ after "code"'],
    ['m{code=500}', 7, 'expected a quoted value'],
    ['m{code="500"', 12, 'expected , or }'],
    ['m{code=~"5(.."}', 8, 'invalid regex'],
    ['m{a="1"} extra', 9, 'unexpected text after the selector'],
    ['m{a="1" b="2"}', 8, 'expected , or }'],
  ])('rejects %j at offset %i', (text, at, message) => {
    const p = parseSelector(text);
    expect(p.kind).toBe('error');
    if (p.kind === 'error') {
      expect(p.at).toBe(at);
      expect(p.message).toContain(message);
    }
  });
});

describe('labelsMatch: PromQL semantics', () => {
  test('a regex matches the whole value, as PromQL anchors it', () => {
    const s = ok('rest_client_requests_total{code=~"5.."}');
    expect(labelsMatch(s, { code: '503' })).toBe(true);
    expect(labelsMatch(s, { code: '5030' })).toBe(false);
    expect(labelsMatch(s, { code: '<error>' })).toBe(false);
    expect(labelsMatch(s, { code: '200' })).toBe(false);
  });

  test('a label the series lacks reads as the empty string', () => {
    expect(labelsMatch(ok('m{code!="200"}'), {})).toBe(true);
    expect(labelsMatch(ok('m{code=""}'), {})).toBe(true);
    expect(labelsMatch(ok('m{code=~".+"}'), {})).toBe(false);
    expect(labelsMatch(ok('m{code!~"5.."}'), { code: '200' })).toBe(true);
  });

  test('every matcher must hold', () => {
    const s = ok('m{code=~"5..",method="GET"}');
    expect(labelsMatch(s, { code: '503', method: 'GET' })).toBe(true);
    expect(labelsMatch(s, { code: '503', method: 'PUT' })).toBe(false);
  });
});

describe('selectorText', () => {
  test('writes the selector back as PromQL', () => {
    expect(selectorText(ok('get_token_fail_count'))).toBe('get_token_fail_count');
    expect(selectorText(ok("m{ code =~ '5..', le=\"0\" }"))).toBe('m{code=~"5..",le="0"}');
  });

  test('round trip: selector → text → the same selector, whatever the label values hold', () => {
    const label = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const value = fc.string({ maxLength: 12, unit: 'binary' });
    const matcher = fc.record({ label, op: fc.constantFrom('=', '!='), value });
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_:][a-z0-9_:]{0,20}$/), fc.array(matcher, { maxLength: 4 }), (name, ms) => {
        const once: Selector = { name, matchers: ms };
        const twice = ok(selectorText(once));
        expect(twice.name).toBe(name);
        expect(twice.matchers.map((m) => [m.label, m.op, m.value])).toEqual(ms.map((m) => [m.label, m.op, m.value]));
      }),
    );
  });

  test('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseSelector(text)));
  });
});
