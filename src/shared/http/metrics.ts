import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db';

/**
 * Prometheus metrics at GET /metrics (text exposition format), with prom-client: process and Node.js defaults,
 * request rate and latency by route, the job queue's depth and oldest waiting age, and gauges other parts register
 * (the matching index's size). Queries that read the database run only when Prometheus scrapes.
 */
export interface Metrics {
  registry: Registry;
  /** A gauge read at scrape time, e.g. the matching index's size. */
  gauge(name: string, help: string, labelNames: string[], collect: (set: (labels: Record<string, string>, value: number) => void) => void | Promise<void>): void;
}

/**
 * Who may scrape: with a token (KECHUANG_METRICS_TOKEN), whoever sends it as a bearer token; without one, only
 * direct loopback requests (a proxy forwarding from outside adds X-Forwarded-For, so those are refused).
 */
function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (token) return req.headers.authorization === `Bearer ${token}`;
  const direct = req.socket.remoteAddress ?? '';
  return !req.headers['x-forwarded-for'] && (direct === '127.0.0.1' || direct === '::1' || direct === '::ffff:127.0.0.1');
}

export function registerMetrics(app: FastifyInstance, db: Db, token?: string): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kechuang_' });

  const requests = new Counter({
    name: 'kechuang_http_requests_total', help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'kechuang_http_request_duration_seconds', help: 'HTTP request latency by route and method',
    labelNames: ['route', 'method'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern (/api/demands/:id), never the raw URL: ids would make one series per record.
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ route, method: req.method, status: String(reply.statusCode) });
    latency.observe({ route, method: req.method }, reply.elapsedTime / 1000);
  });

  const gauge: Metrics['gauge'] = (name, help, labelNames, collect) => {
    new Gauge({
      name, help, labelNames, registers: [registry],
      async collect() {
        this.reset();
        await collect((labels, value) => this.set(labels, value));
      },
    });
  };
  gauge('kechuang_jobs', 'Jobs in the queue by kind and status (queued, running)', ['kind', 'status'], async (set) => {
    const rows = await db.query<{ kind: string; status: string; n: string }>(
      `select kind, status, count(*)::text as n from jobs where status in ('queued', 'running') group by kind, status`);
    for (const r of rows) set({ kind: r.kind, status: r.status }, Number(r.n));
  });
  gauge('kechuang_jobs_oldest_queued_seconds', 'Age of the oldest job still waiting to start', [], async (set) => {
    const [row] = await db.query<{ age: number | null }>(
      `select extract(epoch from now() - min(created_at))::float8 as age from jobs where status = 'queued'`);
    set({}, row?.age ?? 0);
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayScrape(req, token)) return reply.status(403).type('text/plain').send('metrics are for the monitoring system\n');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return { registry, gauge };
}
