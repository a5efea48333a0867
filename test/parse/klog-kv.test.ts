import { describe, expect, test } from 'vitest';
import { parseKlogKv, readGoQuoted } from '../../src/parse/klog-kv.js';

describe('parseKlogKv', () => {
  test('reads the header comment sample (kubernetes/kubernetes#21248)', () => {
    expect(
      parseKlogKv('"Failed to get the info of the filesystem with mountpoint" err="unable to find data in memory cache" mountpoint="/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs"'),
    ).toEqual({
      msg: 'Failed to get the info of the filesystem with mountpoint',
      fields: { err: 'unable to find data in memory cache', mountpoint: '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs' },
    });
  });

  // Expected outputs of kubernetes/klog test/output.go and internal/serialize/keyvalues_test.go,
  // the text after the header.
  test.each([
    ['"test" akey="avalue"', 'test', { akey: 'avalue' }],
    ['"you see me"', 'you see me', {}],
    ['"\\"quoted\\"" key="\\"quoted value\\""', '"quoted"', { key: '"quoted value"' }],
    ['"test" akey="<&>"', 'test', { akey: '<&>' }],
    ['"test" firstKey=1 secondKey=2', 'test', { firstKey: '1', secondKey: '2' }],
    ['"test" pod="kube-system/pod-1"', 'test', { pod: 'kube-system/pod-1' }],
    ['"KObjs" pods=[{"name":"pod-1","namespace":"kube-system"},{"name":"pod-2","namespace":"kube-system"}]', 'KObjs',
      { pods: '[{"name":"pod-1","namespace":"kube-system"},{"name":"pod-2","namespace":"kube-system"}]' }],
    ['"test" pods=null', 'test', { pods: 'null' }],
    ['"KObjSlice" pods=["kube-system/pod-1","kube-system/pod-2"]', 'KObjSlice', { pods: '["kube-system/pod-1","kube-system/pod-2"]' }],
    ['"marshaler recursion" obj={}', 'marshaler recursion', { obj: '{}' }],
    ['"odd WithValues" keyWithoutValue="(MISSING)"', 'odd WithValues', { keyWithoutValue: '(MISSING)' }],
    ['"x" data={"key-data":"test","value-data":"info"}', 'x', { 'data': '{"key-data":"test","value-data":"info"}' }],
    ['"x" pod="kubedns" spec={"X":76,"Y":"strval","N":"2006-01-02T15:04:05.06789Z"}', 'x', { pod: 'kubedns', spec: '{"X":76,"Y":"strval","N":"2006-01-02T15:04:05.06789Z"}' }],
    ['"x" pod="kubedns" bytes="\\ufffd\\ufffd=\\ufffd \\u2318"', 'x', { pod: 'kubedns', bytes: '\ufffd\ufffd=\ufffd \u2318' }],
    ['"x" point-1="x=100, y=200"', 'x', { 'point-1': 'x=100, y=200' }],
  ])('%s', (text, msg, fields) => {
    expect(parseKlogKv(text)).toEqual({ msg, fields });
  });

  test('multi-line value as klog writes it (test/output.go "klog.Format")', () => {
    const text = '"klog.Format" s=<\n\t{\n\t  "Name": "worker",\n\t  "Kind": "pod"\n\t}\n >';
    expect(parseKlogKv(text)).toEqual({ msg: 'klog.Format', fields: { s: '{\n  "Name": "worker",\n  "Kind": "pod"\n}' } });
  });

  test('multi-line value followed by another pair (keyvalues_test.go multiLineString)', () => {
    const text = '"m" multiLineString=<\n\tHello world!\n\t\tStarts with tab.\n\t  Starts with spaces.\n\tNo whitespace.\n > pod="kubedns"';
    expect(parseKlogKv(text)?.fields).toEqual({
      multiLineString: 'Hello world!\n\tStarts with tab.\n  Starts with spaces.\nNo whitespace.',
      pod: 'kubedns',
    });
  });

  test('multi-line value after the line wrapper trimmed the joined lines', () => {
    const text = '"klog.Format" s=<\n{\n"Name": "worker",\n"Kind": "pod"\n}\n> other="x"';
    expect(parseKlogKv(text)?.fields).toEqual({ s: '{\n"Name": "worker",\n"Kind": "pod"\n}', other: 'x' });
  });

  test('an open block at the end of one line (a line parser sees only the first line)', () => {
    expect(parseKlogKv('"Format" config=<')).toEqual({ msg: 'Format', fields: { config: '' } });
  });

  test('bare %+v values from klog before v2.30 (kubernetes/kubernetes#115824)', () => {
    const text = '"Creating Container Manager object based on Node Config" nodeConfig={RuntimeCgroupsName: SystemCgroupsName: KubeletOOMScoreAdj:-999 CgroupRoot:/} next="y"';
    expect(parseKlogKv(text)?.fields).toEqual({ nodeConfig: '{RuntimeCgroupsName: SystemCgroupsName: KubeletOOMScoreAdj:-999 CgroupRoot:/}', next: 'y' });
  });

  test('brackets inside JSON strings do not end the value', () => {
    expect(parseKlogKv('"m" v=["a]\\"}","b"] w=1')?.fields).toEqual({ v: '["a]\\"}","b"]', w: '1' });
  });

  test('double spaces between pairs are tolerated (kubernetes/kubernetes#111878)', () => {
    expect(parseKlogKv('"m" event="PodAdd"  queue="ActiveQueue"')?.fields).toEqual({ event: 'PodAdd', queue: 'ActiveQueue' });
  });

  test('a stack trace joined after the pairs ends them', () => {
    expect(parseKlogKv('"Observed a panic" panic="boom"\ngoroutine 1 [running]:')).toEqual({ msg: 'Observed a panic', fields: { panic: 'boom' } });
  });

  test('pairs read before unreadable text are kept', () => {
    expect(parseKlogKv('"m" a="1" and then prose')).toEqual({ msg: 'm', fields: { a: '1' } });
  });

  test('__proto__ stays an ordinary key', () => {
    const kv = parseKlogKv('"m" __proto__="x"');
    expect(Object.keys(kv?.fields ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(kv?.fields)).toBe(Object.prototype);
  });

  test.each([
    ['not quoted', 'Recording status change NodeNotReady event'],
    ['quoted then prose', '"hello" said the man'],
    ['unterminated quote', '"hello'],
    ['no space before the key', '"m"a="b"'],
    ['bad escape', '"\\q"'],
    ['short \\u escape', '"\\u12"'],
    ['\\U past U+10FFFF', '"\\U00110000"'],
    ['value glued to text', '"m" a="b"c'],
    ['empty bare value', '"m" a= b="c"'],
  ])('is undefined when %s', (_name, text) => {
    expect(parseKlogKv(text)).toBeUndefined();
  });
});

describe('readGoQuoted', () => {
  test.each([
    ['"a\\tb\\nc"', 'a\tb\nc'],
    ['"\\a\\b\\f\\r\\v\\\\"', '\x07\b\f\r\v\\'],
    ['"\\x41\\x00"', 'A\u0000'],
    ['"\\xff"', '\ufffd'],
    ['"\\101"', 'A'],
    ['"\\u00e9t\\u00e9"', 'été'],
    ['"\\U0001f600"', '😀'],
    ['"\\u2028"', '\u2028'],
  ])('%s', (text, value) => {
    expect(readGoQuoted(text, 0)).toEqual({ value, end: text.length });
  });
});
