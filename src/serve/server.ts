// `kube-forensics serve`: fastify with its multipart plugin, the history in SQLite, analyses on
// worker threads. Binds loopback by default; any other address needs tokens or --insecure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import type { WorkerAnalyzeOptions } from '../batch/batch-worker.js';
import { apiRoutes } from './api-routes.js';
import { isLoopback, TokenCheck } from './auth.js';
import { drainRefused } from './drain-refused.js';
import { ServeContext, type ServeLimits } from './context.js';
import { ServeMetrics } from './metrics.js';
import { opsRoutes } from './ops-routes.js';
import { PAGE_CSP, pageRoutes } from './page-routes.js';
import { AnalysisStore } from './store.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** Folder of the SQLite database (and of kept bundles). */
  readonly dataDir: string;
  readonly limits: ServeLimits;
  readonly analyze: WorkerAnalyzeOptions;
  readonly keepBundles?: boolean;
  /** Analyses older than this are pruned at start and every hour. */
  readonly retainMs?: number;
  readonly authTokens?: readonly string[];
  /** Allows a non-loopback address without tokens. */
  readonly insecure?: boolean;
  /** pino logger options (JSON request logs), or false. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Parent of the server's temp dir (default: the OS temp dir). */
  readonly tmpDir?: string;
  /** How long running analyses may go on at shutdown before they are stopped. */
  readonly shutdownGraceMs?: number;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly ctx: ServeContext;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  close(): Promise<void>;
}

/** Routes anyone may reach: probes, and the upload page's shell (it holds no data). */
const OPEN_ROUTES = new Set(['/healthz', '/readyz', '/', '/assets/upload.js', '/assets/serve.css', '/favicon.ico']);
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export function refuseUnsafeBind(o: Pick<ServeOptions, 'host' | 'authTokens' | 'insecure'>): void {
  if (!isLoopback(o.host) && (o.authTokens === undefined || o.authTokens.length === 0) && o.insecure !== true) {
    throw new Error(`refusing to listen on ${o.host} without --auth-token-file: anyone who reaches it could upload and read reports (give --insecure to do it anyway)`);
  }
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  refuseUnsafeBind(o);
  const store = new AnalysisStore(o.dataDir);
  const abandoned = store.abandon(new Date().toISOString());
  const tempRoot = mkdtempSync(join(o.tmpDir ?? tmpdir(), 'kube-forensics-serve-'));
  const metrics = new ServeMetrics();
  const ctx = new ServeContext(store, metrics, o.limits, o.analyze, tempRoot, join(o.dataDir, 'bundles'), o.keepBundles === true);
  const tokens = o.authTokens !== undefined && o.authTokens.length > 0 ? new TokenCheck(o.authTokens) : undefined;

  const app = Fastify({
    logger: o.logger ?? false,
    // Uploads stream to disk past this; it bounds only the small bodies fastify would buffer.
    bodyLimit: 1024 * 1024,
    requestTimeout: 0,
    return503OnClosing: true,
  });
  app.removeAllContentTypeParsers();
  await app.register(multipart, { limits: { fileSize: o.limits.maxUploadBytes, files: 1, fields: 10, parts: 20 } });
  // Any other body (a bundle as the raw body) is handed to the route as a stream, unread.
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.addHook('onRequest', async (req, reply) => {
    if (tokens === undefined) return;
    const route = req.routeOptions.url ?? req.url;
    if (OPEN_ROUTES.has(route)) return;
    if (!tokens.accepts(TokenCheck.presented(req.headers.authorization, req.headers.cookie))) {
      drainRefused(req);
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="kube-forensics"').send({ statusCode: 401, error: 'a bearer token is required' });
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({ method: req.method, route: req.routeOptions.url ?? 'unmatched', code: String(reply.statusCode) });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ statusCode: 404, error: 'not found' }));
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    const code = err.statusCode ?? 500;
    if (code >= 500) req.log.error({ err }, 'request failed');
    return reply.code(code).header('Content-Security-Policy', PAGE_CSP).send({ statusCode: code, error: code >= 500 ? 'internal error' : err.message });
  });

  apiRoutes(app, ctx);
  pageRoutes(app, ctx, { authRequired: tokens !== undefined });
  opsRoutes(app, ctx);

  if (abandoned > 0) app.log.warn({ abandoned }, 'analyses left unfinished by the previous run were marked failed');
  const prune = (): void => {
    if (o.retainMs === undefined) return;
    const n = ctx.prune(o.retainMs);
    if (n > 0) app.log.info({ pruned: n }, 'old analyses pruned');
  };
  prune();
  const pruner = setInterval(prune, PRUNE_EVERY_MS);
  pruner.unref();

  const address = await app.listen({ host: o.host, port: o.port });
  let closed: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: address,
    close: () => {
      closed ??= (async () => {
        clearInterval(pruner);
        // Running analyses finish (or are stopped) first: clients waiting on them get an answer.
        await ctx.close(o.shutdownGraceMs ?? 30_000);
        // A client that stopped reading a big answer keeps its connection busy forever: cut it.
        const cut = setTimeout(() => app.server.closeAllConnections(), 5000);
        cut.unref();
        await app.close();
        clearTimeout(cut);
        store.close();
        rmSync(tempRoot, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
