// The Prometheus text exposition format as client_golang's expfmt writes it: HELP and TYPE lines,
// then the family's samples, label values escaped (\\ \" \n), Go float formatting for values and
// an optional millisecond timestamp. Only tests use it.

export interface SampleInput {
  readonly suffix: '' | '_bucket' | '_sum' | '_count';
  readonly labels: readonly (readonly [string, string])[];
  readonly value: number;
  readonly timestampMs?: number;
}

export interface FamilyInput {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly help: string;
  readonly samples: readonly SampleInput[];
}

export function formatFamilies(families: readonly FamilyInput[], header = ''): string {
  const out: string[] = header === '' ? [] : [header];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) out.push(formatSample(f.name + s.suffix, s));
  }
  return out.join('\n') + '\n';
}

export function formatSample(name: string, s: SampleInput): string {
  const labels = s.labels.length === 0 ? '' : `{${s.labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
  return `${name}${labels} ${goFloat(s.value)}${s.timestampMs === undefined ? '' : ` ${s.timestampMs}`}`;
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** strconv.FormatFloat(v, 'g', -1, 64), near enough: shortest text that reads back the same. */
function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return Object.is(v, -0) ? '-0' : String(v).replace(/e\+?/, (m) => (m === 'e+' ? 'e+' : 'e'));
}
