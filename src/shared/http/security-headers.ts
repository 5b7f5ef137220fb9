import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';

/**
 * Response hardening shared by every route: security headers (CSP, nosniff, frame-ancestors, referrer policy) and
 * compression. The CSP allows inline styles because Ant Design writes its CSS-in-JS into <style> tags; scripts come
 * only from this origin. Swagger UI (/docs) brings its own inline bootstrap and is given its own policy by
 * @fastify/swagger-ui (staticCSP).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Same-origin app: no cross-origin embedding of our resources is needed, and COEP would block nothing useful.
    crossOriginEmbedderPolicy: false,
    // HSTS only makes sense behind TLS, which the reverse proxy terminates; it sets it there (docs/deployment).
    hsts: false,
  });
  // Responses of 1 KB or more are compressed when the client accepts it (JSON lists, exports, the web app's bundles).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
}

/** Vite names built assets by content hash: they never change, so browsers may keep them for a year. */
export function cacheControlFor(path: string): string {
  return /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg)$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
