import type { FastifyInstance } from 'fastify';
import type { Db } from '../db';
import type { ReadReplica } from '../db/read-replica';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Where this request's read-only queries go: the read replica when DATABASE_READ_URL is set (the primary for a
     * user whose own recent write it has not replayed yet), otherwise the primary itself. Never write through it.
     */
    readDb: Db;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Register after the hook that resolves the session (req.actor): the reader asks for the user at its first query. */
export function registerReadRouting(app: FastifyInstance, primary: Db, replica: ReadReplica | undefined): void {
  app.decorateRequest('readDb', null as unknown as Db);
  if (!replica) {
    app.addHook('onRequest', async (req) => { req.readDb = primary; });
    return;
  }
  app.addHook('onRequest', async (req) => { req.readDb = replica.readerFor(() => req.actor?.userId ?? null); });
  // Before the response leaves (onSend, not onResponse): the user's next request must already find the position.
  app.addHook('onSend', async (req, _reply, payload) => {
    // The write itself has committed: failing to note it must not turn its answer into an error.
    if (req.actor && !SAFE_METHODS.has(req.method)) {
      await replica.noteWrite(req.actor.userId).catch((err: unknown) => req.log.warn({ err }, 'read replica: could not note the write position'));
    }
    return payload;
  });
}
