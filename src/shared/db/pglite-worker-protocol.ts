/** Messages between the Db proxy (pglite-worker-db.ts) and the thread that owns the embedded database. */
export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin'; tx?: undefined }
  | { id: number; op: 'end'; commit: boolean; tx: number }
  | { id: number; op: 'close'; tx?: undefined }
  | { id: number; op: 'dump'; tx?: undefined };

export type WorkerReply =
  | { id: number; ok: true; rows?: unknown[]; tx?: number; data?: ArrayBuffer }
  | { id: number; ok: false; error: Record<string, unknown> };
