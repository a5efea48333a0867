// Types for parse-prometheus-text-format 1.1.1 (it ships none), as far as prom-text uses it:
// families in file order, type in upper case (COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED).
// It throws InvalidLineError ("Encountered invalid line: <line>") on malformed HELP/TYPE or labels.
declare module 'parse-prometheus-text-format' {
  export interface MetricFamily {
    readonly name: string;
    readonly help: string;
    readonly type: string;
    readonly metrics: readonly unknown[];
  }
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
