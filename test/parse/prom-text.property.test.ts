import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatInstant, instantFromMs, type Stamp } from '../../src/model/time.js';
import { promText } from '../../src/parse/prom-text.js';
import { formatFamilies, type FamilyInput, type SampleInput } from '../support/render-prom-text.js';
import { runStream } from '../support/run-stream.js';

const labelValue = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '}', ',', ' ', '='), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 20 });
const labels = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/).filter((k) => k !== 'le' && k !== 'quantile'), labelValue), { maxLength: 3, selector: ([k]) => k });
const value = fc.oneof(fc.double(), fc.integer().map(Number), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0));
const timestampMs = fc.option(fc.integer({ min: -1e12, max: 4e12 }), { nil: undefined });
const sample = (suffix: SampleInput['suffix'], extra: readonly (readonly [string, string])[] = []) =>
  fc.record({ labels, value, timestampMs }).map((s): SampleInput => ({ suffix, labels: [...s.labels, ...extra], value: s.value, ...(s.timestampMs === undefined ? {} : { timestampMs: s.timestampMs }) }));

const family = (i: number): fc.Arbitrary<FamilyInput> =>
  fc.record({ base: fc.stringMatching(/^[a-z][a-z0-9_:]{0,20}$/), type: fc.constantFrom('counter', 'gauge', 'untyped', 'histogram', 'summary'), help: fc.string({ maxLength: 30 }).map((h) => h.replace(/[\r\n]/g, ' ')) })
    .chain(({ base, type, help }) => {
      // A suffix that can never read as _bucket/_sum/_count keeps families apart.
      const name = `${base}_m${i}`;
      const samples =
        type === 'histogram' ? fc.tuple(fc.array(sample('_bucket', [['le', '+Inf']]), { minLength: 1, maxLength: 3 }), sample('_sum'), sample('_count')).map(([b, s, c]) => [...b, s, c])
          : type === 'summary' ? fc.tuple(fc.array(sample('', [['quantile', '0.5']]), { maxLength: 3 }), sample('_sum'), sample('_count')).map(([q, s, c]) => [...q, s, c])
            : fc.array(sample(''), { maxLength: 4 });
      return samples.map((s) => ({ name, type, help, samples: s }));
    });
const families = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => family(i))));
const when = fc.record({ sec: fc.integer({ min: 946_684_800, max: 4_102_444_799 }), nsec: fc.constant(0) });

test('prom-text: rendered families parse back to every sample, with its type, labels, value and time', async () => {
  await fc.assert(
    fc.asyncProperty(families, fc.option(when, { nil: undefined }), fc.option(when, { nil: undefined }), fc.integer({ min: 16, max: 500 }), async (fams, commented, named, chunk) => {
      const header = commented === undefined ? '' : `# timestamp: ${formatInstant(commented, 's')}`;
      const path = named === undefined ? 'node-a/metrics.txt' : `node-a/metrics-${formatInstant(named, 's').replace(/[-:]/g, '')}.txt`;
      const text = formatFamilies(fams, header);
      const { records, tally } = await runStream(promText, path, text, chunk);
      expect(tally.skipCounts()).toEqual([]);
      expect(tally.diagnosticList()).toEqual([]);
      const expected = fams.flatMap((f) => f.samples.map((s) => ({ f, s })));
      expect(records).toHaveLength(expected.length);
      const lines = text.split('\n');
      const snapshot: [Stamp, string] = commented !== undefined ? [{ kind: 'utc', at: commented, precision: 's' }, 'comment']
        : named !== undefined ? [{ kind: 'utc', at: named, precision: 's' }, 'file-name'] : [{ kind: 'none' }, 'none'];
      records.forEach((r, i) => {
        const { f, s } = expected[i] ?? {};
        if (f === undefined || s === undefined || r.kind !== 'metric') throw new Error('missing sample');
        expect(r.metric.name).toBe(f.name + s.suffix);
        expect(r.metric.type).toBe(f.type);
        expect(r.metric.labels).toEqual(Object.fromEntries(s.labels));
        expect(r.metric.value).toBe(s.value);
        expect(r.message).toBe(lines[r.source.line - 1]);
        expect(r.severity).toBe('info');
        expect(r.host).toBeUndefined();
        const own = s.timestampMs !== undefined;
        expect(r.stamp).toEqual(own ? { kind: 'utc', at: instantFromMs(s.timestampMs ?? 0), precision: 'ms' } : snapshot[0]);
        expect(r.fields).toEqual({ timeSource: own ? 'sample-timestamp' : snapshot[1], ...(s.suffix === '' ? {} : { family: f.name }) });
      });
    }),
    { numRuns: 120 },
  );
});

test('prom-text: any bytes, in any chunks, end in records, counted skips and reports, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
      await expect(runStream(promText, 'm.txt', Buffer.from(bytes), chunk)).resolves.toBeDefined();
    }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), async (lines) => {
      const { records, tally } = await runStream(promText, 'm.txt', lines.join('\n'));
      const sampleLines = lines.join('\n').split('\n').filter((l) => l.replace(/\r$/, '').trim() !== '' && !l.trimStart().startsWith('#')).length;
      expect(records.length + tally.totalSkipped()).toBe(sampleLines);
    }),
  );
});

test('prom-text: NULs and a 1 MB line are read without a throw', async () => {
  const big = `big_label{v="${'x'.repeat(1 << 20)}"} 1\n`;
  const { records } = await runStream(promText, 'm.txt', `\u0000\n${big}\u0000 1\n`);
  expect(records.map((r) => (r.kind === 'metric' ? r.metric.name : ''))).toEqual(['big_label']);
});
