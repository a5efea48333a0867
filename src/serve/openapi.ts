// The API's contract, served at /api/v1/openapi.json. Routes take their request schemas from
// here (`requestSchema`), so what the document says is what the server validates.

const ID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const RFC3339 = { type: 'string', format: 'date-time' } as const;
const DAY_OR_TIME = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] } as const;
const idParam = { name: 'id', in: 'path', required: true, description: 'Analysis id (a UUID)', schema: ID } as const;

const analysis = {
  type: 'object',
  required: ['id', 'name', 'sizeBytes', 'sha256', 'status', 'createdAt', 'links'],
  properties: {
    id: ID,
    name: { type: 'string', description: 'The uploaded file name, cleaned; the report paths start with it' },
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    createdAt: RFC3339,
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    durationMs: { type: ['integer', 'null'] },
    error: { type: ['string', 'null'] },
    hosts: { type: 'array', items: { type: 'string' } },
    topFinding: { type: ['string', 'null'], description: 'Pattern id ranked first' },
    findingCount: { type: 'integer' },
    progress: {
      type: 'object',
      description: 'While queued or running: the stage, bytes read so far, the member being read',
      properties: { stage: { type: 'string', enum: ['queued', 'reading', 'rendering', 'done', 'failed'] }, bytesRead: { type: 'integer' }, path: { type: ['string', 'null'] }, position: { type: 'integer' } },
    },
    links: { type: 'object', properties: { self: { type: 'string' }, report: { type: 'string' } } },
    report: { type: 'object', description: 'The JSON report (as `kube-forensics analyze --format json` prints it), once done' },
  },
} as const;

const problem = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' }, statusCode: { type: 'integer' } },
} as const;

const errors = {
  '400': { description: 'The request does not match this document', content: { 'application/json': { schema: problem } } },
  '401': { description: 'A bearer token is required (the server was started with --auth-token-file)', content: { 'application/json': { schema: problem } } },
} as const;

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'kube-forensics',
    version: '1',
    description: 'Upload Kubernetes support bundles, get their diagnosis, and search the history of past analyses.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from the file given to --auth-token-file (one per line)' } },
    schemas: { Analysis: analysis, Problem: problem },
  },
  security: [{ bearer: [] }, {}],
  paths: {
    '/api/v1/analyses': {
      post: {
        operationId: 'createAnalysis',
        summary: 'Upload a bundle (.tar, .tar.gz, .zip, .gz or a single log) and analyze it',
        parameters: [
          { name: 'wait', in: 'query', required: false, description: 'Answer with the JSON report itself once the analysis is done', schema: { type: 'boolean', default: false } },
          { name: 'name', in: 'query', required: false, description: 'The bundle file name (raw bodies; multipart uses the part file name)', schema: { type: 'string', maxLength: 255 } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'multipart/form-data': { schema: { type: 'object', properties: { bundle: { type: 'string', format: 'binary' } } } },
          },
        },
        responses: {
          '202': { description: 'Accepted; the Location header names the analysis', content: { 'application/json': { schema: analysis } } },
          '200': { description: 'With ?wait=true: the JSON report (or, if the analysis failed, 422)', content: { 'application/json': { schema: { type: 'object' } } } },
          '413': { description: 'The upload is larger than --max-upload (decided while streaming)', content: { 'application/json': { schema: problem } } },
          '422': { description: 'With ?wait=true: the analysis failed', content: { 'application/json': { schema: problem } } },
          '429': { description: 'Analyses running and queued are at the server\'s caps; see Retry-After', content: { 'application/json': { schema: problem } } },
          ...errors,
        },
      },
      get: {
        operationId: 'listAnalyses',
        summary: 'The history, newest first, filtered',
        parameters: [
          { name: 'pattern', in: 'query', required: false, description: 'Only analyses with a finding of this catalog entry', schema: { type: 'string', pattern: '^[a-z0-9-]{1,100}$' } },
          { name: 'host', in: 'query', required: false, description: 'Only analyses of bundles holding this node', schema: { type: 'string', maxLength: 253 } },
          { name: 'since', in: 'query', required: false, description: 'Uploaded at or after: RFC 3339, or a date (its first instant, UTC)', schema: DAY_OR_TIME },
          { name: 'until', in: 'query', required: false, description: 'Uploaded at or before: RFC 3339, or a date (its last instant, UTC)', schema: DAY_OR_TIME },
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        ],
        responses: {
          '200': { description: 'Analyses', content: { 'application/json': { schema: { type: 'object', properties: { analyses: { type: 'array', items: analysis } } } } } },
          ...errors,
        },
      },
    },
    '/api/v1/analyses/{id}': {
      get: {
        operationId: 'getAnalysis',
        summary: 'Status, progress and, once done, the JSON report',
        parameters: [idParam],
        responses: { '200': { description: 'The analysis', content: { 'application/json': { schema: analysis } } }, '404': { description: 'No such analysis', content: { 'application/json': { schema: problem } } }, ...errors },
      },
      delete: {
        operationId: 'deleteAnalysis',
        summary: 'Forget an analysis (and its kept bundle)',
        parameters: [idParam],
        responses: { '204': { description: 'Deleted' }, '404': { description: 'No such analysis', content: { 'application/json': { schema: problem } } }, '409': { description: 'Still queued or running', content: { 'application/json': { schema: problem } } }, ...errors },
      },
    },
    '/analyses/{id}': {
      get: {
        operationId: 'getReportPage',
        summary: 'The HTML report (the same page as `analyze --format html`)',
        parameters: [idParam],
        responses: { '200': { description: 'HTML', content: { 'text/html': {} } }, '404': { description: 'No such analysis, or not done' } },
      },
    },
    '/analyses': {
      get: {
        operationId: 'getHistoryPage',
        summary: 'The history page, with the same filters as the API',
        parameters: [
          { name: 'pattern', in: 'query', required: false, schema: { type: 'string', maxLength: 100 } },
          { name: 'host', in: 'query', required: false, schema: { type: 'string', maxLength: 253 } },
          { name: 'since', in: 'query', required: false, description: 'A date (YYYY-MM-DD) or RFC 3339', schema: { type: 'string', maxLength: 40 } },
          { name: 'until', in: 'query', required: false, description: 'A date (YYYY-MM-DD) or RFC 3339', schema: { type: 'string', maxLength: 40 } },
        ],
        responses: { '200': { description: 'HTML', content: { 'text/html': {} } } },
      },
    },
    '/healthz': { get: { operationId: 'healthz', summary: 'The process is alive', security: [], responses: { '200': { description: 'ok' } } } },
    '/readyz': { get: { operationId: 'readyz', summary: 'The database answers and the server accepts uploads', security: [], responses: { '200': { description: 'ready' }, '503': { description: 'not ready (starting or shutting down)' } } } },
    '/metrics': { get: { operationId: 'metrics', summary: 'Prometheus text format', responses: { '200': { description: 'metrics', content: { 'text/plain': {} } } } } },
  },
} as const;

interface Param {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema: object;
}

/** Fastify's request schema (params, querystring) for one operation of the document. */
export function requestSchema(path: keyof typeof OPENAPI.paths, method: string): { params?: object; querystring?: object } {
  const op = (OPENAPI.paths[path] as Record<string, { parameters?: readonly Param[] }>)[method];
  if (op === undefined) throw new Error(`openapi: no ${method.toUpperCase()} ${path}`);
  const group = (where: string): object | undefined => {
    const ps = (op.parameters ?? []).filter((p) => p.in === where);
    if (ps.length === 0) return undefined;
    return {
      type: 'object',
      properties: Object.fromEntries(ps.map((p) => [p.name, p.schema])),
      required: ps.filter((p) => p.required === true).map((p) => p.name),
      additionalProperties: false,
    };
  };
  const params = group('path');
  const querystring = group('query');
  return { ...(params !== undefined ? { params } : {}), ...(querystring !== undefined ? { querystring } : {}) };
}
