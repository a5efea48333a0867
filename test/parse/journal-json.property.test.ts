import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ParsedRecord, SourceRef } from '../../src/model/event.js';
import { journalJson } from '../../src/parse/journal-json.js';
import { journalJsonPretty } from '../../src/parse/journal-json-pretty.js';
import { anyText, host, ident, pid } from '../support/journal-arbitraries.js';
import { journalValue, renderJson, renderJsonPretty, type JsonEntry } from '../support/render-journal.js';
import { excerptLines, hostileLines, recordsOf, runBlock } from '../support/run-parser.js';

const at = { path: 'node-a/journal.json', line: 1 };
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const usec = fc.integer({ min: 1, max: 4_102_444_799_999_999 });
const severities = ['critical', 'critical', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as const;

/** A journal entry with the keys the parser reads, and the record it should become. */
const entry = fc
  .record({
    realtime: usec, source: opt(usec), priority: opt(fc.integer({ min: 0, max: 7 })), hostname: opt(host),
    ident: opt(ident), comm: opt(ident), unit: opt(ident.map((u) => `${u}.service`)), pid: opt(pid),
    bootId: opt(fc.stringMatching(/^[0-9a-f]{32}$/)), transport: opt(fc.constantFrom('journal', 'stdout', 'kernel', 'syslog', 'driver')),
    // Any text, newlines included: journald keeps multi-line messages whole.
    message: opt(fc.string({ unit: 'grapheme' })),
  })
  .map((e) => {
    const kv: [string, string | readonly number[]][] = [
      ['__CURSOR', `s=0;i=1;t=${e.realtime.toString(16)}`],
      ['__REALTIME_TIMESTAMP', String(e.realtime)],
      ['__MONOTONIC_TIMESTAMP', '642745103'],
    ];
    const put = (k: string, v: string | undefined): void => {
      if (v !== undefined) kv.push([k, k === 'MESSAGE' ? journalValue(v) : v]);
    };
    put('_SOURCE_REALTIME_TIMESTAMP', e.source?.toString());
    put('PRIORITY', e.priority?.toString());
    put('_HOSTNAME', e.hostname);
    put('SYSLOG_IDENTIFIER', e.ident);
    put('_COMM', e.comm);
    put('_SYSTEMD_UNIT', e.unit);
    put('_PID', e.pid?.toString());
    put('_BOOT_ID', e.bootId);
    put('_TRANSPORT', e.transport);
    put('MESSAGE', e.message);
    const shown = e.source ?? e.realtime;
    const component = e.ident ?? e.comm ?? e.unit?.replace(/\.service$/, '');
    const expected = (source: SourceRef): ParsedRecord => ({
      kind: 'log',
      stamp: { kind: 'utc', at: { sec: Math.floor(shown / 1e6), nsec: (shown % 1e6) * 1000 }, precision: 'us' },
      severity: e.priority === undefined ? 'unknown' : severities[e.priority] ?? 'unknown',
      message: e.message ?? '',
      fields: {
        ...(e.unit !== undefined && { unit: e.unit }),
        ...(e.bootId !== undefined && { bootId: e.bootId }),
        ...(e.transport !== undefined && { transport: e.transport }),
      },
      source,
      ...(e.hostname !== undefined && { host: e.hostname }),
      ...(component !== undefined && { component }),
      ...(e.pid !== undefined && { pid: e.pid }),
    });
    return { kv: kv as JsonEntry, expected };
  });

test('journal-json: rendering then parsing gives time, host, component, pid, severity, message and the kept fields back', () => {
  fc.assert(
    fc.property(entry, fc.boolean(), (e, oldStyle) => {
      expect(journalJson.parseLine(renderJson(e.kv, oldStyle), at)).toEqual({ kind: 'record', record: e.expected(at) });
    }),
  );
});

test('journal-json-pretty: several objects in a row, each record at its opening brace', () => {
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
      const lines: string[] = [];
      const starts: number[] = [];
      for (const e of entries) {
        starts.push(lines.length + 1);
        lines.push(...renderJsonPretty(e.kv));
      }
      const records = recordsOf(runBlock(journalJsonPretty, 'j.txt', lines));
      expect(records.map((r) => ({ ...r, source: { ...r.source, offset: 0 } }))).toEqual(
        entries.map((e, i) => e.expected({ path: 'j.txt', line: starts[i] ?? 0, offset: 0 })),
      );
    }),
  );
});

test('journal-json: any text, truncated JSON included, is a record or a counted skip, never a throw', () => {
  const truncated = fc.tuple(entry, fc.nat()).map(([e, n]) => {
    const line = renderJson(e.kv);
    return line.slice(0, n % line.length);
  });
  fc.assert(fc.property(fc.oneof(anyText, truncated), (s) => {
    expect(['record', 'skip']).toContain(journalJson.parseLine(s, at).kind);
  }));
  for (const s of hostileLines(excerptLines('journal', 'journalctl-252-json.txt'))) {
    expect(['record', 'skip']).toContain(journalJson.parseLine(s, at).kind);
  }
});

test('journal-json-pretty: any lines, cut anywhere, give records and skips, never a throw', () => {
  const pretty = excerptLines('journal', 'journalctl-252-json-pretty.txt');
  fc.assert(fc.property(fc.array(fc.oneof(anyText, fc.constantFrom(...pretty)), { maxLength: 60 }), (lines) => {
    for (const p of runBlock(journalJsonPretty, 'j.txt', lines)) expect(['record', 'skip']).toContain(p.result.kind);
  }));
  for (const p of runBlock(journalJsonPretty, 'j.txt', hostileLines(pretty.slice(0, 40)))) expect(['record', 'skip']).toContain(p.result.kind);
});
