// Operations: liveness, readiness, Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './context.js';

export function opsRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    let db = false;
    try {
      db = ctx.store.db.prepare('SELECT 1 AS one').get() !== undefined;
    } catch {
      db = false;
    }
    const ready = db && !ctx.closing;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', database: db, shuttingDown: ctx.closing, ...ctx.queue.counts() });
  });
  app.get('/metrics', async (_req, reply) => {
    ctx.gauges();
    return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
}
