// /api/v1: upload (raw body or multipart), status and report, history, delete; the OpenAPI
// document. Request schemas come from that document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { Progress } from './analysis-queue.js';
import type { ServeContext } from './context.js';
import { OPENAPI, requestSchema } from './openapi.js';
import type { AnalysisRecord, AnalysisStatus, HistoryFilter } from './store.js';
import { drainRefused } from './drain-refused.js';
import { displayName, UploadEmpty, UploadTooLarge } from './upload.js';

export function analysisView(a: AnalysisRecord, progress?: Progress, report?: unknown): object {
  return {
    id: a.id,
    name: a.name,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    status: a.status,
    createdAt: a.createdAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    durationMs: a.durationMs,
    error: a.error,
    hosts: a.hosts,
    topFinding: a.topFinding,
    findingCount: a.findingCount,
    ...(progress !== undefined && (a.status === 'queued' || a.status === 'running') ? { progress } : {}),
    links: { self: `/api/v1/analyses/${a.id}`, report: `/analyses/${a.id}` },
    ...(report !== undefined ? { report } : {}),
  };
}

/** RFC 3339 or a plain date, as an instant the store compares with; `end` takes a date's last ms. */
export function instantParam(v: string | undefined, end: boolean): string | undefined {
  if (v === undefined || v === '') return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : v;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw Object.assign(new Error(`not a date or RFC 3339 time: ${v}`), { statusCode: 400 });
  return d.toISOString();
}

function problem(reply: FastifyReply, code: number, error: string): FastifyReply {
  return reply.code(code).send({ statusCode: code, error });
}

/** The name a raw upload goes by: ?name=, else Content-Disposition's filename. */
function rawName(req: FastifyRequest<{ Querystring: { name?: string } }>): string {
  const cd = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(String(req.headers['content-disposition'] ?? ''));
  let fromHeader = cd?.[1];
  try {
    if (fromHeader !== undefined) fromHeader = decodeURIComponent(fromHeader);
  } catch {
    // not percent-encoded after all: the raw text is cleaned like any name
  }
  return displayName(req.query.name ?? fromHeader);
}

export function apiRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/api/v1/openapi.json', async () => OPENAPI);

  app.post<{ Querystring: { wait?: boolean; name?: string } }>(
    '/api/v1/analyses',
    { schema: requestSchema('/api/v1/analyses', 'post') },
    async (req, reply) => {
      // Admission first: a full server refuses before the body is read.
      const ticket = ctx.admit();
      if (ticket === undefined) {
        reply.header('Retry-After', String(ctx.queue.retryAfterSec()));
        drainRefused(req);
        return problem(reply, ctx.closing ? 503 : 429, ctx.closing ? 'the server is shutting down' : 'too many analyses running and queued; retry later');
      }
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > ctx.limits.maxUploadBytes) {
        ticket.release();
        drainRefused(req);
        return problem(reply, 413, `the upload (${declared} bytes) is larger than the server's limit of ${ctx.limits.maxUploadBytes} bytes`);
      }
      let body: Readable;
      let name: string;
      if (req.isMultipart()) {
        const part = await req.file().catch(() => undefined);
        if (part === undefined) {
          ticket.release();
          return problem(reply, 400, 'the multipart body holds no file part');
        }
        body = part.file;
        name = displayName(part.filename);
      } else if (req.body === undefined || req.body === null) {
        // No body at all (Content-Length: 0): nothing reached the content type parser.
        ticket.release();
        return problem(reply, 400, new UploadEmpty().message);
      } else {
        body = req.body as Readable;
        name = rawName(req);
      }
      let a: AnalysisRecord;
      try {
        a = await ctx.accept(ticket, body, name);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (e instanceof UploadTooLarge || code === 'FST_REQ_FILE_TOO_LARGE') {
          drainRefused(req);
          return problem(reply, 413, new UploadTooLarge(ctx.limits.maxUploadBytes).message);
        }
        if (e instanceof UploadEmpty) return problem(reply, 400, e.message);
        req.log.warn({ err: e }, 'upload failed');
        return problem(reply, 400, `the upload could not be received: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (req.query.wait === true) {
        const s = await ctx.settled(a.id);
        reply.header('Location', `/api/v1/analyses/${a.id}`).header('X-Analysis-Id', a.id);
        if (!s.ok) return problem(reply, 422, s.error);
        return reply.code(200).type('application/json; charset=utf-8').send(s.reportJson);
      }
      return reply
        .code(202)
        .header('Location', `/api/v1/analyses/${a.id}`)
        .send(analysisView(a, ctx.progress(a.id)));
    },
  );

  app.get<{ Params: { id: string } }>('/api/v1/analyses/:id', { schema: requestSchema('/api/v1/analyses/{id}', 'get') }, async (req, reply) => {
    const a = ctx.store.get(req.params.id);
    if (a === undefined) return problem(reply, 404, 'no such analysis');
    const json = a.status === 'done' ? ctx.store.report(a.id, 'json') : undefined;
    reply.header('Cache-Control', 'no-store');
    return analysisView(a, ctx.progress(a.id), json === undefined ? undefined : JSON.parse(json));
  });

  app.delete<{ Params: { id: string } }>('/api/v1/analyses/:id', { schema: requestSchema('/api/v1/analyses/{id}', 'delete') }, async (req, reply) => {
    const a = ctx.store.get(req.params.id);
    if (a === undefined) return problem(reply, 404, 'no such analysis');
    if (a.status === 'queued' || a.status === 'running') return problem(reply, 409, `the analysis is ${a.status}; delete it once it has finished`);
    ctx.store.delete(a.id);
    ctx.removeKept(a);
    return reply.code(204).send();
  });

  app.get<{ Querystring: { pattern?: string; host?: string; since?: string; until?: string; status?: AnalysisStatus; limit?: number } }>(
    '/api/v1/analyses',
    { schema: requestSchema('/api/v1/analyses', 'get') },
    async (req) => {
      const q = req.query;
      const filter: HistoryFilter = { pattern: q.pattern, host: q.host, since: instantParam(q.since, false), until: instantParam(q.until, true), status: q.status, limit: q.limit };
      return { analyses: ctx.store.list(filter).map((a) => analysisView(a, ctx.progress(a.id))) };
    },
  );
}
