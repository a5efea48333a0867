import { describe, expect, test } from 'vitest';
import type { ParsedRecord } from '../../src/model/event.js';
import { civilToInstant } from '../../src/model/time.js';
import { syslogRfc5424 } from '../../src/parse/syslog-rfc5424.js';
import { excerptLines } from '../support/run-parser.js';

const at = { path: 'collector/syslog.log', line: 1 };
const examples = excerptLines('syslog', 'rfc5424-section-6.5-examples.txt');

function record(text: string): ParsedRecord {
  const r = syslogRfc5424.parseLine(text, at);
  if (r.kind !== 'record') throw new Error(`skipped: ${r.reason}`);
  return r.record;
}

describe('syslog-rfc5424', () => {
  test('reads the header comment sample: RFC 5424 §6.5 example 3, structured data and a BOM', () => {
    expect(syslogRfc5424.parseLine(examples[2] ?? '', at)).toEqual({
      kind: 'record',
      record: {
        kind: 'log',
        stamp: { kind: 'utc', at: { sec: civilToInstant(2003, 10, 11, 22 * 3600 + 14 * 60 + 15).sec, nsec: 3_000_000 }, precision: 'ms' },
        severity: 'notice',
        message: 'An application event log entry...',
        fields: {
          facility: '20', msgid: 'ID47',
          'exampleSDID@32473.iut': '3', 'exampleSDID@32473.eventSource': 'Application', 'exampleSDID@32473.eventID': '1011',
        },
        source: at,
        host: 'mymachine.example.com',
        component: 'evntslog',
      },
    });
  });

  test('example 1: no structured data, BOM dropped, auth facility', () => {
    expect(record(examples[0] ?? '')).toMatchObject({
      severity: 'critical', message: "'su root' failed for lonvick on /dev/pts/8", component: 'su', fields: { facility: '4', msgid: 'ID47' },
    });
  });

  test('example 2: an offset, a numeric PROCID, no MSGID, microseconds', () => {
    const r = record(examples[1] ?? '');
    expect(r).toMatchObject({ severity: 'notice', host: '192.0.2.1', component: 'myproc', pid: 8710, message: "%% It's time to make the do-nuts.", fields: { facility: '20' } });
    expect(r.stamp).toEqual({ kind: 'utc', at: { sec: civilToInstant(2003, 8, 24, 12 * 3600 + 14 * 60 + 15).sec, nsec: 3000 }, precision: 'us' });
    expect(r.fields).not.toHaveProperty('msgid');
  });

  test('example 4: two SD elements and no MSG', () => {
    expect(record(examples[3] ?? '')).toMatchObject({ message: '', fields: { 'examplePriority@32473.class': 'high', 'exampleSDID@32473.eventID': '1011' } });
  });

  test('util-linux logger --rfc5424 on the wire: escaped quotes and brackets in a PARAM-VALUE', () => {
    const [withSd, plain] = excerptLines('syslog', 'logger-2.38-wire.txt');
    expect(record(withSd ?? '')).toMatchObject({
      severity: 'error', host: 'vm', component: 'kubelet', pid: 128468,
      fields: { facility: '3', msgid: 'ID47', 'timeQuality.tzKnown': '1', 'timeQuality.isSynced': '0', 'exampleSDID@32473.eventSource': 'App "x" [y]' },
      message: 'E0401 12:13:41.801997  128468 certificate_manager.go:385] Failed while requesting a signed certificate',
    });
    expect(record(plain ?? '')).toMatchObject({ severity: 'info', component: 'kubelet', fields: { facility: '3' } });
    expect(record(plain ?? '').pid).toBeUndefined();
  });

  test('NILVALUEs everywhere: no time, host, app or pid claimed', () => {
    const r = record('<14>1 - - - - - - just text');
    expect(r).toEqual({ kind: 'log', stamp: { kind: 'none' }, severity: 'info', message: 'just text', fields: { facility: '1' }, source: at });
  });

  test('a PROCID that is not a number is kept as text', () => {
    expect(record('<14>1 - h app worker-3 - - x').fields).toEqual({ facility: '1', procid: 'worker-3' });
  });

  test('a backslash before another character stays in the value', () => {
    expect(record('<14>1 - h a - - [x@1 path="C:\\dir\\n"] m').fields['x@1.path']).toBe('C:\\dir\\n');
  });

  test.each([
    ['<14>1 - h a - - - ', ''],
    ['<14>1 - h a - - -', ''],
    ['<14>1 - h a - - -  two spaces', ' two spaces'],
  ])('MSG of %j is %j', (line, message) => {
    expect(record(line).message).toBe(message);
  });

  test.each([
    ['<14>Apr  1 12:13:41 h k: x', 'no RFC 5424 header'],
    ['<14>1 2003-10-11T22:14:15.003Z h a - ID47', 'no RFC 5424 header'],
    ['<192>1 - h a - - - x', 'PRI out of range'],
    ['<14>1 2003-13-11T22:14:15Z h a - - - x', 'bad TIMESTAMP'],
    ['<14>1 yesterday h a - - - x', 'bad TIMESTAMP'],
    ['<14>1 - h a - - [x@1 a="b" x', 'bad STRUCTURED-DATA'],
    ['<14>1 - h a - - [x@1 a=b] x', 'bad STRUCTURED-DATA'],
    ['<14>1 - h a - - [] x', 'bad STRUCTURED-DATA'],
    ['<14>1 - h a - - [x@1]x', 'bad STRUCTURED-DATA'],
    ['<14>1 - h a - - text', 'bad STRUCTURED-DATA'],
  ])('skips %j: %s', (line, reason) => {
    expect(syslogRfc5424.parseLine(line, at)).toEqual({ kind: 'skip', reason });
  });
});
