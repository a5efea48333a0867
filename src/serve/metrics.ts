// The server's own metrics, in a registry of its own (never prom-client's global one, so two
// servers in one process, as in tests, do not share counters).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class ServeMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'kube_forensics_http_requests_total', help: 'HTTP requests by route and status code', labelNames: ['method', 'route', 'code'], registers: [this.registry] });
  readonly bytesReceived = new Counter({ name: 'kube_forensics_upload_bytes_received_total', help: 'Bundle bytes received in uploads', registers: [this.registry] });
  readonly duration = new Histogram({
    name: 'kube_forensics_analysis_duration_seconds',
    help: 'Time from an analysis starting to its report being stored',
    labelNames: ['outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly inProgress = new Gauge({ name: 'kube_forensics_analyses_in_progress', help: 'Analyses running now', registers: [this.registry] });
  readonly queued = new Gauge({ name: 'kube_forensics_analyses_queued', help: 'Analyses waiting for a worker', registers: [this.registry] });
  readonly receiving = new Gauge({ name: 'kube_forensics_uploads_in_progress', help: 'Uploads being received', registers: [this.registry] });
  readonly findings = new Counter({ name: 'kube_forensics_findings_total', help: 'Findings in finished analyses, by catalog entry', labelNames: ['pattern'], registers: [this.registry] });
  readonly analyses = new Counter({ name: 'kube_forensics_analyses_total', help: 'Finished analyses by outcome', labelNames: ['outcome'], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'kube_forensics_' });
  }
}
