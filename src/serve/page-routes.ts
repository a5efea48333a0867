// The pages: upload (/), history (/analyses), a report (/analyses/:id), their script and style.
// Reports are our own rendering of the redacted diagnosis; the uploaded bytes are never served.
import type { FastifyInstance } from 'fastify';
import { instantParam } from './api-routes.js';
import type { ServeContext } from './context.js';
import { requestSchema } from './openapi.js';
import { pageScript } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { historyPage, pendingPage, uploadPage } from './pages.js';

/** Our pages: scripts and styles from this origin only; no plugin, no framing. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The report's own policy (from its meta tag: only its inlined script runs), framed by our page only. */
export function reportPolicy(page: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
  // The attribute is escaped markup; the header wants the text.
  const text = meta?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return `${text ?? "default-src 'none'"}; frame-ancestors 'self'`;
}

export function pageRoutes(app: FastifyInstance, ctx: ServeContext, o: { authRequired: boolean }): void {
  const script = pageScript();
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('Content-Security-Policy', PAGE_CSP).send(uploadPage({ authRequired: o.authRequired, maxUploadBytes: ctx.limits.maxUploadBytes })));
  app.get('/assets/upload.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(script));
  // Report pages carry no icon link; browsers ask for this one anyway.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).header('Cache-Control', 'max-age=86400').send());
  app.get('/assets/serve.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(PAGE_STYLE));

  app.get<{ Querystring: { pattern?: string; host?: string; since?: string; until?: string } }>('/analyses', { schema: requestSchema('/analyses', 'get') }, async (req, reply) => {
    const q = req.query;
    const blank = (v: string | undefined): string | undefined => (v === '' ? undefined : v);
    const filter = { pattern: blank(q.pattern), host: blank(q.host), since: instantParam(q.since, false), until: instantParam(q.until, true), limit: 500 };
    const page = historyPage(ctx.store.list(filter), filter, ctx.store.facets());
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', PAGE_CSP).send(page);
  });

  app.get<{ Params: { id: string } }>('/analyses/:id', { schema: requestSchema('/analyses/{id}', 'get') }, async (req, reply) => {
    const a = ctx.store.get(req.params.id);
    if (a === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('no such analysis\n');
    const report = a.status === 'done' ? ctx.store.report(a.id, 'html') : undefined;
    if (report === undefined) return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', PAGE_CSP).header('Cache-Control', 'no-store').send(pendingPage(a));
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', reportPolicy(report)).send(report);
  });
}
