-- Writes may carry an Idempotency-Key header: the first answer is kept for a day and replayed to retries, so a client
-- that timed out and retries cannot create a second record (src/shared/http/idempotency.ts).
create table idempotency_keys (
  scope text not null,            -- the user (u:<id>) or, for anonymous writes, the address (a:<ip>)
  key text not null,
  fingerprint text not null,      -- method, route and body hash: a key reused for another request is refused
  method text not null,
  url text not null,
  status_code integer,            -- null while the first request is still running
  content_type text,
  body text,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
